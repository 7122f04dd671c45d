package io.ledgerbridge.sandbox.control;

import io.ledgerbridge.platform.JsonFactory;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Account balances at a date, from POSTED manual journals and AUTHORISED/PAID invoices and credit
 * notes (with their payments), and Xero's Trial Balance report shape. Debits are positive.
 */
public final class Ledger {

  private static final DateTimeFormatter REPORT_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final Set<String> POSTED_DOCUMENTS = Set.of("AUTHORISED", "PAID");
  private static final String BANK = "090";
  private static final String RECEIVABLE = "610";
  private static final String PAYABLE = "800";
  private static final String GST = "820";

  private final Map<String, BigDecimal> balances = new LinkedHashMap<>();
  private final LocalDate asAt;

  public Ledger(LocalDate asAt) {
    this.asAt = asAt;
  }

  public Map<String, BigDecimal> balances() {
    return balances;
  }

  private boolean inScope(JsonObject json) {
    try {
      LocalDate date = XeroJson.parseDate(XeroJson.string(json, "Date"));
      return date != null && !date.isAfter(asAt);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private void post(String code, BigDecimal amount) {
    if (code != null && !code.isBlank() && amount != null && amount.signum() != 0) {
      balances.merge(code, amount, BigDecimal::add);
    }
  }

  /** Adds POSTED manual journals dated on or before the date. */
  public Ledger journals(List<JsonObject> journals) {
    for (JsonObject journal : journals) {
      if (!"POSTED".equals(journal.getString("Status", "")) || !inScope(journal)) {
        continue;
      }
      for (JsonObject line : objects(journal.get("JournalLines"))) {
        post(XeroJson.string(line, "AccountCode"), JournalRules.amount(line.get("LineAmount")));
      }
    }
    return this;
  }

  /**
   * Adds AUTHORISED/PAID invoices ({@code credit=false}) or credit notes ({@code credit=true}):
   * lines net of tax, GST, and receivable/payable; cash from the payments that reference them, else
   * from their AmountPaid on the document date.
   */
  public Ledger documents(List<JsonObject> documents, boolean credit, List<JsonObject> payments) {
    String idField = credit ? "CreditNoteID" : "InvoiceID";
    String paymentRef = credit ? "CreditNote" : "Invoice";
    for (JsonObject doc : documents) {
      if (!POSTED_DOCUMENTS.contains(doc.getString("Status", "")) || !inScope(doc)) {
        continue;
      }
      String type = doc.getString("Type", "");
      boolean sale = type.startsWith("ACCREC");
      // Sign of the "income/expense" side: a sale credits revenue (-), a bill debits (+);
      // credit notes reverse both.
      int sign = (sale ? -1 : 1) * (credit ? -1 : 1);
      String control = sale ? RECEIVABLE : PAYABLE;
      String amountTypes = doc.getString("LineAmountTypes", "Exclusive");
      BigDecimal gross = BigDecimal.ZERO;
      for (JsonObject line : objects(doc.get("LineItems"))) {
        BigDecimal amount = orZero(JournalRules.amount(line.get("LineAmount")));
        BigDecimal tax =
            "NoTax".equals(amountTypes)
                ? BigDecimal.ZERO
                : orZero(JournalRules.amount(line.get("TaxAmount")));
        BigDecimal net = "Inclusive".equals(amountTypes) ? amount.subtract(tax) : amount;
        post(XeroJson.string(line, "AccountCode"), net.multiply(BigDecimal.valueOf(sign)));
        post(GST, tax.multiply(BigDecimal.valueOf(sign)));
        gross = gross.add(net).add(tax);
      }
      post(control, gross.multiply(BigDecimal.valueOf(-sign)));
      String id = doc.getString(idField, "");
      boolean hasPayments = false;
      for (JsonObject payment : payments) {
        JsonValue ref = payment.get(paymentRef);
        if (!(ref instanceof JsonObject r) || !id.equals(r.getString(idField, ""))) {
          continue;
        }
        hasPayments = true;
        if ("DELETED".equals(payment.getString("Status", "")) || !inScope(payment)) {
          continue;
        }
        BigDecimal amount = orZero(JournalRules.amount(payment.get("Amount")));
        String bank =
            payment.get("Account") instanceof JsonObject a ? a.getString("Code", BANK) : BANK;
        post(bank, amount.multiply(BigDecimal.valueOf(-sign)));
        post(control, amount.multiply(BigDecimal.valueOf(sign)));
      }
      if (!hasPayments) {
        BigDecimal paid = orZero(JournalRules.amount(doc.get("AmountPaid")));
        post(BANK, paid.multiply(BigDecimal.valueOf(-sign)));
        post(control, paid.multiply(BigDecimal.valueOf(sign)));
      }
    }
    return this;
  }

  /** Xero's Trial Balance report for these balances over the organisation's accounts. */
  public JsonObject trialBalance(String orgName, List<JsonObject> accounts, Instant now) {
    JsonArrayBuilder rows = JsonFactory.createArrayBuilder();
    rows.add(
        JsonFactory.createObjectBuilder()
            .add("RowType", "Header")
            .add("Cells", cells("Account", "Debit", "Credit", "YTD Debit", "YTD Credit").build()));
    BigDecimal totalDebit = BigDecimal.ZERO;
    BigDecimal totalCredit = BigDecimal.ZERO;
    Set<String> listed = new HashSet<>();
    for (String[] section :
        new String[][] {
          {"Revenue", "REVENUE"},
          {"Expenses", "EXPENSE"},
          {"Assets", "ASSET"},
          {"Liabilities", "LIABILITY"},
          {"Equity", "EQUITY"}
        }) {
      JsonArrayBuilder sectionRows = JsonFactory.createArrayBuilder();
      int count = 0;
      for (JsonObject account : accounts) {
        String code = account.getString("Code", "");
        BigDecimal balance = balances.get(code);
        if (!section[1].equals(account.getString("Class", ""))
            || balance == null
            || balance.signum() == 0) {
          continue;
        }
        listed.add(code);
        String debit = balance.signum() > 0 ? money(balance) : "";
        String credit = balance.signum() < 0 ? money(balance.negate()) : "";
        totalDebit = totalDebit.add(balance.max(BigDecimal.ZERO));
        totalCredit = totalCredit.add(balance.min(BigDecimal.ZERO).negate());
        String accountId = account.getString("AccountID", "");
        JsonArrayBuilder rowCells = JsonFactory.createArrayBuilder();
        rowCells.add(cell(account.getString("Name", "") + " (" + code + ")", accountId));
        for (String value : new String[] {debit, credit, debit, credit}) {
          rowCells.add(cell(value, accountId));
        }
        sectionRows.add(
            JsonFactory.createObjectBuilder().add("RowType", "Row").add("Cells", rowCells));
        count++;
      }
      if (count > 0) {
        rows.add(
            JsonFactory.createObjectBuilder()
                .add("RowType", "Section")
                .add("Title", section[0])
                .add("Rows", sectionRows));
      }
    }
    // Balances on codes that are not (or no longer) in the chart still count, as "Unknown".
    JsonArrayBuilder unknownRows = JsonFactory.createArrayBuilder();
    boolean unknown = false;
    for (Map.Entry<String, BigDecimal> entry : balances.entrySet()) {
      if (listed.contains(entry.getKey()) || entry.getValue().signum() == 0) {
        continue;
      }
      unknown = true;
      BigDecimal balance = entry.getValue();
      String debit = balance.signum() > 0 ? money(balance) : "";
      String credit = balance.signum() < 0 ? money(balance.negate()) : "";
      totalDebit = totalDebit.add(balance.max(BigDecimal.ZERO));
      totalCredit = totalCredit.add(balance.min(BigDecimal.ZERO).negate());
      unknownRows.add(
          JsonFactory.createObjectBuilder()
              .add("RowType", "Row")
              .add("Cells", cells(entry.getKey(), debit, credit, debit, credit)));
    }
    if (unknown) {
      rows.add(
          JsonFactory.createObjectBuilder()
              .add("RowType", "Section")
              .add("Title", "Other")
              .add("Rows", unknownRows));
    }
    String d = money(totalDebit);
    String c = money(totalCredit);
    rows.add(
        JsonFactory.createObjectBuilder()
            .add("RowType", "Section")
            .add("Title", "")
            .add(
                "Rows",
                JsonFactory.createArrayBuilder()
                    .add(
                        JsonFactory.createObjectBuilder()
                            .add("RowType", "SummaryRow")
                            .add("Cells", cells("Total", d, c, d, c)))));
    String date = REPORT_DATE.format(asAt);
    return JsonFactory.createObjectBuilder()
        .add("ReportID", "TrialBalance")
        .add("ReportName", "Trial Balance")
        .add("ReportType", "TrialBalance")
        .add(
            "ReportTitles",
            JsonFactory.createArrayBuilder().add("Trial Balance").add(orgName).add("As at " + date))
        .add("ReportDate", date)
        .add("UpdatedDateUTC", XeroJson.timestamp(now))
        .add("Fields", JsonFactory.createArrayBuilder())
        .add("Rows", rows)
        .build();
  }

  private static JsonObjectBuilder cell(String value, String accountId) {
    return JsonFactory.createObjectBuilder()
        .add("Value", value)
        .add(
            "Attributes",
            JsonFactory.createArrayBuilder()
                .add(
                    JsonFactory.createObjectBuilder()
                        .add("Value", accountId)
                        .add("Id", "account")));
  }

  private static JsonArrayBuilder cells(String... values) {
    JsonArrayBuilder cells = JsonFactory.createArrayBuilder();
    for (String value : values) {
      cells.add(JsonFactory.createObjectBuilder().add("Value", value));
    }
    return cells;
  }

  private static String money(BigDecimal amount) {
    return XeroJson.money(amount).toPlainString();
  }

  private static BigDecimal orZero(BigDecimal amount) {
    return amount == null ? BigDecimal.ZERO : amount;
  }

  private static List<JsonObject> objects(JsonValue value) {
    return value instanceof JsonArray array
        ? array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList()
        : List.of();
  }
}
