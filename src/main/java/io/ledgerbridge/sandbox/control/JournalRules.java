package io.ledgerbridge.sandbox.control;

import io.ledgerbridge.platform.JsonFactory;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Xero's rules for manual journals (xero-api.md §7), free of storage so they can be unit tested:
 * Narration required, at least two lines, debits positive and credits negative, balanced, NoTax by
 * default, no bank, system or INVENTORY-type accounts, unknown account codes removed with a warning
 * (and then POSTED fails), lock dates, and the status transitions DRAFT→POSTED/DELETED and
 * POSTED→VOIDED.
 */
public final class JournalRules {

  /** What the rules need to know about an account. */
  public record Account(String id, String code, String type, String systemAccount, String status) {

    public static Account of(JsonObject json) {
      return new Account(
          json.getString("AccountID", ""),
          json.getString("Code", ""),
          json.getString("Type", ""),
          json.getString("SystemAccount", null),
          json.getString("Status", "ACTIVE"));
    }
  }

  /** The checked journal (defaults filled in, unknown accounts removed) and what was found. */
  public record Outcome(JsonObject journal, List<String> errors, List<String> warnings) {

    public boolean ok() {
      return errors.isEmpty();
    }
  }

  public static final Set<String> STATUSES = Set.of("DRAFT", "POSTED", "DELETED", "VOIDED");
  private static final Set<String> REFUSED_SYSTEM =
      Set.of("DEBTORS", "CREDITORS", "RETAINEDEARNINGS", "GST");
  private static final Set<String> LINE_AMOUNT_TYPES = Set.of("NoTax", "Exclusive", "Inclusive");
  private static final DateTimeFormatter LOCK_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private JournalRules() {}

  /**
   * Checks a journal as it would be saved: {@code journal} is the stored journal merged with the
   * request (or the request alone when new), {@code previousStatus} null for a new journal.
   *
   * @param accounts the organisation's accounts by code (upper case) and by AccountID
   */
  public static Outcome check(
      JsonObject journal,
      String previousStatus,
      Map<String, Account> accounts,
      LocalDate periodLock,
      LocalDate endOfYearLock) {
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    JsonObjectBuilder out = JsonFactory.createObjectBuilder(journal);

    String status = journal.getString("Status", "DRAFT").toUpperCase(Locale.ROOT);
    out.add("Status", status);
    String lineAmountTypes = journal.getString("LineAmountTypes", "NoTax");
    out.add("LineAmountTypes", lineAmountTypes);
    if (!journal.containsKey("ShowOnCashBasisReports")) {
      out.add("ShowOnCashBasisReports", true);
    }

    String transition = transitionError(previousStatus, status);
    if (transition != null) {
      errors.add(transition);
      return new Outcome(out.build(), errors, warnings);
    }
    if (!LINE_AMOUNT_TYPES.contains(lineAmountTypes)) {
      errors.add("LineAmountTypes must be one of NoTax, Exclusive or Inclusive.");
    }
    String narration = XeroJson.string(journal, "Narration");
    if (narration == null || narration.isBlank()) {
      errors.add("Narration cannot be empty.");
    }
    LocalDate date = null;
    try {
      date = XeroJson.parseDate(XeroJson.string(journal, "Date"));
    } catch (RuntimeException e) {
      errors.add("The Date is not valid.");
    }
    if (date != null) {
      out.add("Date", XeroJson.date(date));
      String lock = lockError(date, periodLock, endOfYearLock);
      if (lock != null) {
        errors.add(lock);
      }
    }

    JsonValue linesValue = journal.get("JournalLines");
    JsonArray lines = linesValue instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
    JsonArrayBuilder checkedLines = JsonFactory.createArrayBuilder();
    BigDecimal debits = BigDecimal.ZERO;
    BigDecimal credits = BigDecimal.ZERO;
    boolean missingAccount = false;
    int count = 0;
    for (JsonValue value : lines) {
      if (!(value instanceof JsonObject line)) {
        continue;
      }
      count++;
      JsonObjectBuilder checked = JsonFactory.createObjectBuilder(line);
      BigDecimal amount = amount(line.get("LineAmount"));
      if (amount == null) {
        errors.add("Line amount must be a number.");
        amount = BigDecimal.ZERO;
      }
      amount = XeroJson.money(amount);
      checked.add("LineAmount", amount);
      if (amount.signum() > 0) {
        debits = debits.add(amount);
      } else {
        credits = credits.add(amount);
      }
      checked.add("TaxType", line.getString("TaxType", "NONE"));
      checked.add("TaxAmount", XeroJson.money(BigDecimal.ZERO));
      checked.add("IsBlank", amount.signum() == 0);
      String code = XeroJson.string(line, "AccountCode");
      String accountId = XeroJson.string(line, "AccountID");
      Account account = null;
      if (code != null && !code.isBlank()) {
        account = accounts.get(code.trim().toUpperCase(Locale.ROOT));
        if (account == null) {
          warnings.add(
              "Account code '"
                  + code.trim()
                  + "' has been removed as it does not match a recognised account.");
          checked.remove("AccountCode");
          checked.remove("AccountID");
        }
      } else if (accountId != null && !accountId.isBlank()) {
        account = accounts.get(accountId.trim());
        if (account == null) {
          warnings.add(
              "Account ID '"
                  + accountId.trim()
                  + "' has been removed as it does not match a recognised account.");
          checked.remove("AccountID");
        }
      }
      if (account == null) {
        missingAccount = true;
      } else {
        checked.add("AccountCode", account.code()).add("AccountID", account.id());
        String refused = accountError(account);
        if (refused != null && !errors.contains(refused)) {
          errors.add(refused);
        }
      }
      JsonValue tracking = line.get("Tracking");
      if (tracking instanceof JsonArray t && t.size() > 2) {
        errors.add("A maximum of 2 tracking categories may be used on a line.");
      }
      checkedLines.add(checked);
    }
    out.add("JournalLines", checkedLines);
    if (count < 2) {
      errors.add("Journal lines must contain at least two individual JournalLine sub-elements.");
    }
    if (debits.add(credits).signum() != 0) {
      errors.add(
          "The total debits ("
              + XeroJson.money(debits).toPlainString()
              + ") must equal total credits ("
              + XeroJson.money(credits).toPlainString()
              + ")");
    }
    if (missingAccount && "POSTED".equals(status)) {
      errors.add("Account code or ID must be specified");
    }
    return new Outcome(out.build(), errors, warnings);
  }

  /** Xero's refusal of an account in a manual journal, or null when it may be used. */
  public static String accountError(Account account) {
    if ("ARCHIVED".equals(account.status()) || "DELETED".equals(account.status())) {
      return "Account code '"
          + account.code()
          + "' has been archived, or has been deleted. Each line item must reference a valid"
          + " account.";
    }
    if ("INVENTORY".equals(account.type())) {
      return "You cannot save this transaction using an inventory account type";
    }
    if ("BANK".equals(account.type())) {
      return "Account code '"
          + account.code()
          + "' is a bank account and cannot be used in a manual journal. Consider setting up one or"
          + " more clearing accounts if you need to journal to a bank account.";
    }
    if (account.systemAccount() != null && REFUSED_SYSTEM.contains(account.systemAccount())) {
      return "Account code '"
          + account.code()
          + "' is a system account and cannot be used in a manual journal.";
    }
    return null;
  }

  /** Null when the move from {@code from} (null: new) to {@code to} is allowed. */
  public static String transitionError(String from, String to) {
    if (!STATUSES.contains(to)) {
      return "Status '" + to + "' is not a valid manual journal status.";
    }
    if (from == null) {
      return to.equals("DRAFT") || to.equals("POSTED")
          ? null
          : "A new manual journal can only be DRAFT or POSTED.";
    }
    boolean allowed =
        switch (from) {
          case "DRAFT" -> Set.of("DRAFT", "POSTED", "DELETED").contains(to);
          case "POSTED" -> Set.of("POSTED", "VOIDED").contains(to);
          default -> false;
        };
    if (allowed) {
      return null;
    }
    return switch (from) {
      case "POSTED" -> "A posted manual journal can only be voided.";
      case "DELETED", "VOIDED" ->
          "This manual journal cannot be modified because it is " + from + ".";
      default -> "A draft manual journal cannot be " + to + ".";
    };
  }

  /** The lock-date refusal for a date on or before either lock date, else null. */
  public static String lockError(LocalDate date, LocalDate periodLock, LocalDate endOfYearLock) {
    if (periodLock != null && !date.isAfter(periodLock)) {
      return "The document date cannot be before the period lock date, currently set at "
          + LOCK_DATE.format(periodLock);
    }
    if (endOfYearLock != null && !date.isAfter(endOfYearLock)) {
      return "The document date cannot be before the end of year lock date, currently set at "
          + LOCK_DATE.format(endOfYearLock);
    }
    return null;
  }

  static BigDecimal amount(JsonValue value) {
    if (value instanceof JsonNumber n) {
      return n.bigDecimalValue();
    }
    if (value instanceof JsonString s) {
      try {
        return new BigDecimal(s.getString().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
