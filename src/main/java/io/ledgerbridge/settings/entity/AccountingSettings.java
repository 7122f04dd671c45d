package io.ledgerbridge.settings.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable snapshot of the accounting settings, as import and the "not importable" reasons read
 * them. Every collection is unmodifiable; a change is a new snapshot, validated and stored whole.
 *
 * @param paymentTermsDays days after the Xero date for the due date when the source sends none;
 *     null means no default (Xero then uses the contact's or organisation's terms)
 * @param importWindowMonths only transactions dated within this many months before today are
 *     importable; null means no window
 */
public record AccountingSettings(
    AccountingMethod accountingMethod,
    Map<AccountRole, String> accounts,
    Map<OverrideScope, Map<String, PerDirection>> overrides,
    Map<String, PerDirection> taxMappings,
    List<TrackingMapping> tracking,
    Numbering numbering,
    DateSource xeroDate,
    Integer paymentTermsDays,
    BigDecimal roundingTolerance,
    Integer importWindowMonths) {

  public static final BigDecimal DEFAULT_ROUNDING_TOLERANCE = new BigDecimal("0.05");

  public AccountingSettings {
    EnumMap<AccountRole, String> a = new EnumMap<>(AccountRole.class);
    if (accounts != null) {
      accounts.forEach(
          (role, code) -> {
            if (code != null) {
              a.put(role, code);
            }
          });
    }
    accounts = Collections.unmodifiableMap(a);
    EnumMap<OverrideScope, Map<String, PerDirection>> o = new EnumMap<>(OverrideScope.class);
    for (OverrideScope scope : OverrideScope.values()) {
      Map<String, PerDirection> given = overrides == null ? null : overrides.get(scope);
      o.put(scope, Collections.unmodifiableMap(new TreeMap<>(given == null ? Map.of() : given)));
    }
    overrides = Collections.unmodifiableMap(o);
    taxMappings =
        Collections.unmodifiableMap(new TreeMap<>(taxMappings == null ? Map.of() : taxMappings));
    tracking = tracking == null ? List.of() : List.copyOf(tracking);
    numbering = numbering == null ? Numbering.DEFAULT : numbering;
    accountingMethod = accountingMethod == null ? AccountingMethod.PERPETUAL : accountingMethod;
    xeroDate = xeroDate == null ? DateSource.INVOICE_DATE : xeroDate;
    roundingTolerance = roundingTolerance == null ? DEFAULT_ROUNDING_TOLERANCE : roundingTolerance;
  }

  /** What a fresh installation starts with: perpetual, nothing mapped, no window. */
  public static AccountingSettings defaults() {
    return new AccountingSettings(null, null, null, null, null, null, null, null, null, null);
  }

  public Optional<String> account(AccountRole role) {
    return Optional.ofNullable(accounts.get(role));
  }

  /** The Xero TaxType a source tax code maps to for a direction, if mapped. */
  public Optional<String> taxTypeFor(String sourceTaxCode, Direction direction) {
    if (sourceTaxCode == null) {
      return Optional.empty();
    }
    PerDirection mapping = taxMappings.get(sourceTaxCode);
    return mapping == null ? Optional.empty() : Optional.ofNullable(mapping.get(direction));
  }

  /** The Xero document date: the invoice date, or the dispatch date when so configured and sent. */
  public LocalDate xeroDateFor(LocalDate invoiceDate, LocalDate dispatchDate) {
    return xeroDate == DateSource.DISPATCH_DATE && dispatchDate != null
        ? dispatchDate
        : invoiceDate;
  }

  /**
   * The Xero tracking (category → option) for a transaction's source values; categories whose value
   * is unmapped are left out.
   */
  public Map<String, String> trackingFor(Map<SourceField, String> sourceValues) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (TrackingMapping t : tracking) {
      t.optionFor(sourceValues.get(t.sourceField())).ifPresent(o -> out.put(t.category(), o));
    }
    return out;
  }

  /** The first importable date for {@code today}, or empty when there is no window. */
  public Optional<LocalDate> importWindowStart(LocalDate today) {
    return importWindowMonths == null
        ? Optional.empty()
        : Optional.of(today.minusMonths(importWindowMonths));
  }

  /**
   * Whether a transaction dated {@code date} is inside the import window: on or after today minus N
   * months (future dates are inside; the lock date is a separate check).
   */
  public boolean insideImportWindow(LocalDate date, LocalDate today) {
    return importWindowStart(today).map(start -> !date.isBefore(start)).orElse(true);
  }

  /**
   * The account a purchase line debits by default: the inventory asset account when perpetual, the
   * purchases account when periodic.
   */
  public AccountRole purchaseLineRole() {
    return accountingMethod == AccountingMethod.PERPETUAL
        ? AccountRole.INVENTORY
        : AccountRole.PURCHASES;
  }

  /** The default account role for a direction's lines. */
  public AccountRole lineRole(Direction direction) {
    return direction == Direction.SALES ? AccountRole.SALES : purchaseLineRole();
  }
}
