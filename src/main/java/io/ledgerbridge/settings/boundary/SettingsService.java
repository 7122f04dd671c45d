package io.ledgerbridge.settings.boundary;

import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.platform.JsonFactory;
import io.ledgerbridge.platform.audit.AuditEntry;
import io.ledgerbridge.platform.audit.AuditLog;
import io.ledgerbridge.settings.control.AccountResolver;
import io.ledgerbridge.settings.control.ReferenceView;
import io.ledgerbridge.settings.control.SettingsError;
import io.ledgerbridge.settings.control.SettingsJson;
import io.ledgerbridge.settings.control.SettingsValidator;
import io.ledgerbridge.settings.entity.AccountRole;
import io.ledgerbridge.settings.entity.AccountingMethod;
import io.ledgerbridge.settings.entity.AccountingSettings;
import io.ledgerbridge.settings.entity.Direction;
import io.ledgerbridge.settings.entity.SettingsRecord;
import io.ledgerbridge.settings.entity.SourceField;
import io.ledgerbridge.xero.boundary.ConnectionView;
import io.ledgerbridge.xero.boundary.ReferenceData;
import io.ledgerbridge.xero.boundary.XeroConnections;
import io.ledgerbridge.xero.entity.XeroOrganisation;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The accounting settings: what import and the "why not importable" reasons read ({@link
 * #current()}, {@link #taxTypeFor}, {@link #resolver()}, {@link #insideImportWindow}), and the one
 * way to change them ({@link #patch}, {@link #replace}) — validated against the connected
 * organisation's downloaded reference data, stored whole under a version, and audited field by
 * field (old → new).
 */
@Stateless
public class SettingsService {

  private static final Logger LOG = Logger.getLogger(SettingsService.class.getName());

  /** The stored settings with what the GET answer and the page show around them. */
  public record View(
      AccountingSettings settings,
      long version,
      Instant updatedAt,
      String updatedBy,
      boolean referenceDownloaded,
      List<SettingsError> problems) {}

  /** A source value seen in the data and how often. */
  public record SeenValue(String value, long count) {}

  /** A source tax code seen on lines, with the number of sales-side and purchase-side lines. */
  public record SeenTaxCode(String code, long salesLines, long purchaseLines) {
    public long lines() {
      return salesLines + purchaseLines;
    }
  }

  @PersistenceContext private EntityManager em;
  @Inject private AuditLog audit;
  @Inject private ReferenceData referenceData;
  @Inject private XeroConnections connections;

  // ------------------------------------------------------------ the API for import and reasons

  /** The settings as stored now (an immutable snapshot). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public AccountingSettings current() {
    return parse(record(false).getDocument());
  }

  /** The Xero TaxType a source tax code maps to for a direction; empty when unmapped. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<String> taxTypeFor(String sourceTaxCode, Direction direction) {
    return current().taxTypeFor(sourceTaxCode, direction);
  }

  /** Whether a source tax code is mapped for a direction. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean isTaxCodeMapped(String sourceTaxCode, Direction direction) {
    return taxTypeFor(sourceTaxCode, direction).isPresent();
  }

  /** Whether a transaction dated {@code date} is inside the import window today. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean insideImportWindow(LocalDate date) {
    return current().insideImportWindow(date, LocalDate.now());
  }

  /**
   * A resolver over the current settings that also checks the resolved account against the
   * downloaded reference data (when there is some). Build one per page or import run.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public AccountResolver resolver() {
    return new AccountResolver(current(), reference().orElse(null));
  }

  /** The connected organisation's downloaded reference data, if any. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<ReferenceView> reference() {
    Optional<String> tenant = connections.current().map(ConnectionView::tenantId);
    if (tenant.isEmpty()) {
      return Optional.empty();
    }
    String t = tenant.get();
    Optional<XeroOrganisation> org = referenceData.organisation(t);
    if (org.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ReferenceView(
            org.get().getName(),
            referenceData.accounts(t),
            referenceData.taxRates(t),
            referenceData.trackingCategories(t),
            referenceData.trackingOptions(t)));
  }

  /** The stored settings with their version and their problems against today's reference data. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public View view() {
    SettingsRecord r = record(false);
    AccountingSettings settings = parse(r.getDocument());
    Optional<ReferenceView> reference = reference();
    return new View(
        settings,
        r.getVersion(),
        r.getUpdatedAt(),
        r.getUpdatedBy(),
        reference.isPresent(),
        SettingsValidator.validate(settings, reference.orElse(null)));
  }

  /**
   * What is still missing before a first import (not errors — settings may be saved incomplete):
   * the default accounts the method needs and the tax codes seen that are not mapped.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<String> gaps() {
    AccountingSettings s = current();
    List<String> gaps = new ArrayList<>();
    List<AccountRole> needed = new ArrayList<>(List.of(AccountRole.SALES, s.purchaseLineRole()));
    if (s.accountingMethod() == AccountingMethod.PERPETUAL) {
      needed.add(AccountRole.COGS);
      needed.add(AccountRole.STOCK_ADJUSTMENT);
    }
    if (s.roundingTolerance().signum() > 0) {
      needed.add(AccountRole.ROUNDING);
    }
    for (AccountRole role : needed) {
      if (s.account(role).isEmpty()) {
        gaps.add("No " + role.label() + " account set.");
      }
    }
    for (SeenTaxCode code : taxCodesSeen()) {
      if (code.salesLines() > 0 && s.taxTypeFor(code.code(), Direction.SALES).isEmpty()) {
        gaps.add(
            "Tax code "
                + code.code()
                + " is not mapped for sales ("
                + code.salesLines()
                + " lines).");
      }
      if (code.purchaseLines() > 0 && s.taxTypeFor(code.code(), Direction.PURCHASES).isEmpty()) {
        gaps.add(
            "Tax code "
                + code.code()
                + " is not mapped for purchases ("
                + code.purchaseLines()
                + " lines).");
      }
    }
    return gaps;
  }

  // ------------------------------------------------------------ changing

  /**
   * Applies a JSON merge patch (RFC 7396) and stores the result if it is valid.
   *
   * @param expectedVersion the version the caller read, or null to apply to whatever is stored
   * @throws SettingsInvalid 400 for malformed input, 422 for refused values; nothing is stored
   * @throws StaleSettings when {@code expectedVersion} is not the stored version
   */
  public View patch(JsonObject patch, Long expectedVersion, String actor) {
    SettingsRecord r = record(true);
    checkVersion(r, expectedVersion);
    JsonObject before = readDocument(r.getDocument());
    JsonObject merged = SettingsJson.merge(before, patch);
    SettingsJson.Read read = SettingsJson.read(merged);
    if (!read.ok()) {
      throw new SettingsInvalid(400, read.errors());
    }
    return store(r, read.settings(), actor);
  }

  /**
   * Replaces the settings whole (the settings page), with the same validation as {@link #patch}.
   */
  public View replace(AccountingSettings candidate, long expectedVersion, String actor) {
    SettingsRecord r = record(true);
    checkVersion(r, expectedVersion);
    // Through JSON and back, so that the page is held to exactly the REST API's rules.
    SettingsJson.Read read = SettingsJson.read(SettingsJson.toJson(candidate));
    if (!read.ok()) {
      throw new SettingsInvalid(400, read.errors());
    }
    return store(r, read.settings(), actor);
  }

  /** Validates without storing (for the page's "Check" and for Test connection). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<SettingsError> validate(AccountingSettings settings) {
    return SettingsValidator.validate(settings, reference().orElse(null));
  }

  private View store(SettingsRecord r, AccountingSettings settings, String actor) {
    Optional<ReferenceView> reference = reference();
    List<SettingsError> errors = SettingsValidator.validate(settings, reference.orElse(null));
    if (!errors.isEmpty()) {
      throw new SettingsInvalid(422, errors);
    }
    // Compared in normal form, so defaults never written out do not show up as changes.
    Map<String, String> before = flatten(SettingsJson.toJson(parse(r.getDocument())));
    JsonObject document = SettingsJson.toJson(settings);
    Map<String, String> after = flatten(document);
    TreeSet<String> paths = new TreeSet<>(before.keySet());
    paths.addAll(after.keySet());
    int changes = 0;
    for (String path : paths) {
      String old = before.get(path);
      String now = after.get(path);
      if (!Objects.equals(old, now)) {
        audit.record(
            actor,
            "settings.changed",
            path,
            (old == null ? "(none)" : old) + " → " + (now == null ? "(none)" : now));
        changes++;
      }
    }
    if (changes > 0) {
      r.replace(document.toString(), actor, Instant.now());
      em.flush();
      LOG.log(
          Level.INFO,
          "Accounting settings changed by {0}: {1} fields",
          new Object[] {actor, changes});
    }
    return new View(
        settings,
        r.getVersion(),
        r.getUpdatedAt(),
        r.getUpdatedBy(),
        reference.isPresent(),
        List.of());
  }

  private static void checkVersion(SettingsRecord r, Long expected) {
    if (expected != null && expected != r.getVersion()) {
      throw new StaleSettings(r.getVersion(), r.getUpdatedBy());
    }
  }

  /** "path" → value text, for every leaf of the document; nulls and empty objects leave no leaf. */
  static Map<String, String> flatten(JsonObject json) {
    Map<String, String> out = new TreeMap<>();
    flatten("", json, out);
    return out;
  }

  private static void flatten(String prefix, JsonValue value, Map<String, String> out) {
    switch (value.getValueType()) {
      case OBJECT ->
          value
              .asJsonObject()
              .forEach((k, v) -> flatten(prefix.isEmpty() ? k : prefix + "." + k, v, out));
      case NULL -> {}
      case STRING -> out.put(prefix, ((jakarta.json.JsonString) value).getString());
      default -> out.put(prefix, value.toString());
    }
  }

  // ------------------------------------------------------------ source values seen

  /** Every source tax code on stored lines, with how many sales and purchase lines use it. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<SeenTaxCode> taxCodesSeen() {
    Map<String, long[]> counts = new TreeMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT l.taxCode, t.kind, COUNT(l) FROM TransactionLine l JOIN l.transaction t"
                    + " WHERE l.taxCode IS NOT NULL GROUP BY l.taxCode, t.kind",
                Object[].class)
            .getResultList()) {
      long[] c = counts.computeIfAbsent((String) row[0], k -> new long[2]);
      Optional<Direction> d = Direction.of((Kind) row[1]);
      if (d.isPresent()) {
        c[d.get() == Direction.SALES ? 0 : 1] += (Long) row[2];
      }
    }
    List<SeenTaxCode> out = new ArrayList<>();
    counts.forEach((code, c) -> out.add(new SeenTaxCode(code, c[0], c[1])));
    return out;
  }

  /** The values of a source field seen on transactions, with how many transactions have each. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<SeenValue> valuesSeen(SourceField field) {
    String attribute =
        switch (field) {
          case BRANCH -> "branch";
          case CHANNEL -> "channel";
          case PAYMENT_METHOD -> "paymentMethod";
        };
    return em
        .createQuery(
            "SELECT t."
                + attribute
                + ", COUNT(t) FROM SourceTransaction t WHERE t."
                + attribute
                + " IS NOT NULL GROUP BY t."
                + attribute
                + " ORDER BY t."
                + attribute,
            Object[].class)
        .setMaxResults(500)
        .getResultList()
        .stream()
        .map(row -> new SeenValue((String) row[0], (Long) row[1]))
        .toList();
  }

  /** Every source field's values seen, for the tracking tables. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Map<SourceField, List<SeenValue>> allValuesSeen() {
    Map<SourceField, List<SeenValue>> out = new EnumMap<>(SourceField.class);
    for (SourceField f : SourceField.values()) {
      out.put(f, valuesSeen(f));
    }
    return out;
  }

  /** Products (SKUs) seen on lines, for the override table's suggestions. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<String> productsSeen() {
    return em.createQuery(
            "SELECT DISTINCT l.sku FROM TransactionLine l WHERE l.sku IS NOT NULL ORDER BY l.sku",
            String.class)
        .setMaxResults(1000)
        .getResultList();
  }

  /** Contact codes seen on transactions, for the override table's suggestions. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<String> contactsSeen() {
    return em.createQuery(
            "SELECT DISTINCT t.contactCode FROM SourceTransaction t WHERE t.contactCode IS NOT NULL"
                + " ORDER BY t.contactCode",
            String.class)
        .setMaxResults(1000)
        .getResultList();
  }

  /** The latest settings changes from the audit log, newest first. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<AuditEntry> history(int max) {
    return em.createQuery(
            "SELECT a FROM AuditEntry a WHERE a.action = 'settings.changed'"
                + " ORDER BY a.occurredAt DESC, a.id DESC",
            AuditEntry.class)
        .setMaxResults(max)
        .getResultList();
  }

  // ------------------------------------------------------------ storage

  private SettingsRecord record(boolean forUpdate) {
    SettingsRecord r =
        forUpdate
            ? em.find(
                SettingsRecord.class, SettingsRecord.SINGLETON_ID, LockModeType.PESSIMISTIC_WRITE)
            : em.find(SettingsRecord.class, SettingsRecord.SINGLETON_ID);
    if (r == null) {
      throw new IllegalStateException("The accounting_settings row is missing (migration V6).");
    }
    return r;
  }

  private static JsonObject readDocument(String document) {
    try (var reader = JsonFactory.createReader(new StringReader(document))) {
      return reader.readObject();
    }
  }

  private static AccountingSettings parse(String document) {
    SettingsJson.Read read = SettingsJson.read(readDocument(document));
    if (!read.ok()) {
      // Only possible if the stored document was edited by hand; never guess at accounts.
      throw new IllegalStateException(
          "The stored accounting settings are invalid: " + read.errors());
    }
    return read.settings();
  }
}
