package io.ledgerbridge.imports.control;

import io.ledgerbridge.imports.control.DocumentMapper.Mapping;
import io.ledgerbridge.imports.control.DocumentMapper.Problem;
import io.ledgerbridge.imports.control.Preview.Action;
import io.ledgerbridge.imports.entity.XeroDocument;
import io.ledgerbridge.intake.control.Importability.Reason;
import io.ledgerbridge.intake.entity.SourceTransaction;
import io.ledgerbridge.xero.client.wire.XeroJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link Preview} of a transaction: the mapped document, made into a create or an update
 * of what LedgerBridge already holds in Xero, with the blocking reasons of the mapping, of the
 * importability rules, and of the organisation (lock date, currencies). Pure.
 */
public final class Previewer {

  private static final Set<String> NOT_BLOCKING = Set.of("ALREADY_IMPORTED");

  private final DocumentMapper mapper;
  private final LocalDate lockDate;
  private final Set<String> currencies;
  private final String baseCurrency;
  private final XeroJson json;

  /**
   * @param lockDate Xero's effective lock date (documents dated on or before it are refused), or
   *     null
   * @param currencies the organisation's enabled currencies (upper case); its base currency is
   *     always allowed
   */
  public Previewer(
      DocumentMapper mapper,
      LocalDate lockDate,
      Set<String> currencies,
      String baseCurrency,
      XeroJson json) {
    this.mapper = mapper;
    this.lockDate = lockDate;
    this.currencies = Set.copyOf(currencies);
    this.baseCurrency = baseCurrency;
    this.json = json;
  }

  /**
   * @param contactId the linked Xero ContactID when the link may be used; null otherwise
   * @param reasons the importability rules' reasons for the transaction
   * @param document LedgerBridge's record of its Xero document, or null
   */
  public Preview preview(
      SourceTransaction transaction,
      String contactId,
      List<Reason> reasons,
      XeroDocument document) {
    Mapping mapping = mapper.map(transaction, contactId);
    Map<String, Problem> blocking = new LinkedHashMap<>();
    for (Reason reason : reasons) {
      if (!NOT_BLOCKING.contains(reason.code())) {
        blocking.putIfAbsent(reason.code(), new Problem(reason.code(), reason.message()));
      }
    }
    for (Problem problem : mapping.blocking()) {
      if (problem.code().equals("CONTACT_NOT_LINKED")
          && (blocking.containsKey("CONTACT_LINK_STALE") || blocking.containsKey("NO_CONTACT"))) {
        continue;
      }
      blocking.putIfAbsent(problem.code(), problem);
    }
    LocalDate date = mapping.date();
    if (lockDate != null && date != null && !date.isAfter(lockDate)) {
      blocking.putIfAbsent(
          "LOCK_DATE",
          new Problem(
              "LOCK_DATE",
              "Dated "
                  + date
                  + ", on or before Xero's lock date "
                  + lockDate
                  + ": Xero refuses documents in a locked period."));
    }
    String currency = transaction.getCurrency();
    if (currency != null
        && mapping.journal() == null // a journal's values are in base currency
        && !currency.equalsIgnoreCase(baseCurrency)
        && !currencies.contains(currency.toUpperCase(Locale.ROOT))) {
      blocking.putIfAbsent(
          "CURRENCY_NOT_ENABLED",
          new Problem(
              "CURRENCY_NOT_ENABLED",
              "The currency "
                  + currency
                  + " is not enabled in the Xero organisation (base currency "
                  + baseCurrency
                  + ")."));
    }
    List<Problem> warnings = new ArrayList<>(mapping.warnings());

    Action action = action(transaction, document);
    if (mapping.deletion() && action != Action.UPDATE && action != Action.NONE) {
      blocking.putIfAbsent(
          "ZERO_TOTAL", new Problem("ZERO_TOTAL", "Nothing to post: the month's cost is in Xero."));
    }
    if (action == Action.UPDATE) {
      mapping.target(document.getXeroId(), document.getXeroStatus());
    } else if (action == Action.CREATE && document != null && document.getVersionNo() > 1) {
      String suffix = "-v" + document.getVersionNo();
      mapping.suffixNumber(suffix);
      warnings.add(
          new Problem(
              "NEW_VERSION",
              "Version "
                  + document.getVersionNo()
                  + " of this document: the earlier one was voided in Xero."));
    }
    if (document != null && document.approved()) {
      blocking.putIfAbsent(
          "APPROVED_IN_XERO",
          new Problem(
              "APPROVED_IN_XERO",
              "The Xero document "
                  + document.getXeroNumber()
                  + " is "
                  + document.getXeroStatus()
                  + " in Xero; LedgerBridge will not change it."));
    }
    String hash = hash(mapping);
    return new Preview(
        transaction.getId(),
        transaction.getKind(),
        transaction.getSourceId(),
        transaction.getSourceVersion(),
        action,
        contactId,
        mapping,
        hash,
        new ArrayList<>(blocking.values()),
        warnings,
        document);
  }

  /** Create when nothing is live in Xero, update a live draft of an older version, else none. */
  static Action action(SourceTransaction transaction, XeroDocument document) {
    if (document == null || !document.live()) {
      return Action.CREATE;
    }
    if (document.approved()) {
      return Action.NONE;
    }
    Long synced = document.getSyncedVersion();
    return synced == null || synced < transaction.getSourceVersion() ? Action.UPDATE : Action.NONE;
  }

  /** SHA-256 (hex) of the document as it goes on the wire. */
  public String hash(Mapping mapping) {
    return sha256(json.toJson(mapping.wire()));
  }

  public static String sha256(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
