package io.ledgerbridge.sandbox.control;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Xero's rules for invoices and credit notes that do not need the database: statuses on create,
 * status transitions, which tax rates may be used with which account class, and the texts of the
 * validation messages.
 */
public final class DocumentRules {

  public static final Set<String> CREATE_STATUSES = Set.of("DRAFT", "SUBMITTED", "AUTHORISED");
  public static final Set<String> FINISHED = Set.of("PAID", "VOIDED", "DELETED");

  private static final Map<String, List<String>> TRANSITIONS =
      Map.of(
          "DRAFT", List.of("DRAFT", "SUBMITTED", "AUTHORISED", "DELETED"),
          "SUBMITTED", List.of("SUBMITTED", "AUTHORISED", "DRAFT", "DELETED"),
          "AUTHORISED", List.of("AUTHORISED", "VOIDED"));

  public static final String NO_LINES = "One or more line items must be specified";
  public static final String NO_CONTACT =
      "A Contact must be specified for this type of transaction";
  public static final String NO_ACCOUNT = "Account code or ID must be specified";
  public static final String SETTLED =
      "This document cannot be edited as it has a payment or credit note allocated to it.";

  private DocumentRules() {}

  /** Whether a document in status {@code from} may be saved with status {@code to}. */
  public static boolean mayBecome(String from, String to) {
    return TRANSITIONS.getOrDefault(from, List.of()).contains(to);
  }

  /**
   * Whether a tax rate may be used with an account of the given class (REVENUE, EXPENSE, ASSET,
   * LIABILITY, EQUITY), by the tax rate's {@code CanApplyTo…} flags.
   */
  public static boolean canApply(
      String accountClass,
      boolean assets,
      boolean equity,
      boolean expenses,
      boolean liabilities,
      boolean revenue) {
    if (accountClass == null) {
      return true;
    }
    return switch (accountClass) {
      case "REVENUE" -> revenue;
      case "EXPENSE" -> expenses;
      case "ASSET" -> assets;
      case "LIABILITY" -> liabilities;
      case "EQUITY" -> equity;
      default -> true;
    };
  }

  /** "Invoice" or "Credit Note", as Xero names the document in messages. */
  public static String notModifiable(String label, boolean settled) {
    return label + " not of valid status for modification" + (settled ? ". " + SETTLED : "");
  }

  public static String duplicateNumber(String label) {
    return label + " # must be unique.";
  }

  public static String invalidAccount(String code) {
    return "Account code '" + code + "' is not a valid code for this document.";
  }

  public static String archivedAccount(String code) {
    return "Account code '"
        + code
        + "' has been archived, or has been deleted. Each line item must reference a valid"
        + " account.";
  }

  public static String invalidTaxType(String taxType) {
    return "The TaxType code '" + taxType + "' is not valid";
  }

  public static String taxTypeNotForAccount(String taxType, String code) {
    return "The TaxType code '" + taxType + "' cannot be used with account code '" + code + "'.";
  }

  public static String currencyNotEnabled(String code) {
    return "Organisation is not subscribed to currency " + code;
  }

  public static String lockDate(String date) {
    return "The document date cannot be before the period lock date, currently set at " + date;
  }
}
