package io.ledgerbridge.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTest {

  private static final Instant NOW = Instant.parse("2024-04-10T01:00:00Z");
  private static final String REGION = "c-region";
  private static final String AUCKLAND = "o-akl";
  private static final String WELLINGTON = "o-wlg";
  private static final List<JsonObject> ACCOUNTS =
      List.of(
          account("a090", "090", "Business Bank Account", "BANK", "ASSET"),
          account("a200", "200", "Sales", "REVENUE", "REVENUE"),
          account("a520", "520", "Closing Stock", "DIRECTCOSTS", "EXPENSE"),
          account("a610", "610", "Accounts Receivable", "CURRENT", "ASSET"),
          account("a630", "630", "Inventory", "INVENTORY", "ASSET"),
          account("a720", "720", "Office Equipment", "FIXED", "ASSET"),
          account("a800", "800", "Accounts Payable", "CURRLIAB", "LIABILITY"),
          account("a820", "820", "GST", "CURRLIAB", "LIABILITY"),
          account("a900", "900", "Loan", "TERMLIAB", "LIABILITY"),
          account("a970", "970", "Owner Funds Introduced", "EQUITY", "EQUITY"));
  private static final List<JsonObject> CATEGORIES =
      List.of(
          read(
              "{\"TrackingCategoryID\":\""
                  + REGION
                  + "\",\"Name\":\"Region\",\"Options\":[{\"TrackingOptionID\":\""
                  + AUCKLAND
                  + "\",\"Name\":\"Auckland\"},{\"TrackingOptionID\":\""
                  + WELLINGTON
                  + "\",\"Name\":\"Wellington\"}]}"));

  @Test
  void theBalanceSheetIsAtTheEndOfTheMonthOfTheDate() {
    assertEquals(LocalDate.of(2024, 3, 31), Ledger.balanceSheetDate(LocalDate.of(2024, 3, 15)));
    assertEquals(LocalDate.of(2024, 2, 29), Ledger.balanceSheetDate(LocalDate.of(2024, 2, 1)));
    assertEquals(LocalDate.of(2024, 3, 31), Ledger.balanceSheetDate(LocalDate.of(2024, 3, 31)));

    JsonObject report =
        sheet(
            LocalDate.of(2024, 3, 15),
            List.of(journal("POSTED", "2024-03-31", "630", "286.00", "520", "-286.00")));
    assertEquals("286.00", value(report, "a630"));
    assertEquals("BalanceSheet", report.getString("ReportID"));
    assertEquals("Balance Sheet", report.getString("ReportName"));
    assertEquals("BalanceSheet", report.getString("ReportType"));
    assertEquals(
        List.of("Balance Sheet", "Demo Company (NZ)", "As at 31 March 2024"),
        report.getJsonArray("ReportTitles").getValuesAs(JsonString::getString));
    assertEquals("10 April 2024", report.getString("ReportDate"));
    JsonObject header = report.getJsonArray("Rows").getJsonObject(0);
    assertEquals("Header", header.getString("RowType"));
    assertEquals(
        List.of("", "31 Mar 2024"),
        header.getJsonArray("Cells").stream()
            .map(c -> c.asJsonObject().getString("Value"))
            .toList());
  }

  @Test
  void aMidMonthLedgerHasNoBalanceSheet() {
    assertThrows(
        IllegalStateException.class,
        () -> new Ledger(LocalDate.of(2024, 3, 15)).balanceSheet("Demo", ACCOUNTS, NOW));
  }

  @Test
  void draftsAndLaterJournalsCountNothing() {
    JsonObject report =
        sheet(
            LocalDate.of(2024, 3, 1),
            List.of(
                journal("DRAFT", "2024-03-10", "630", "1000.00", "520", "-1000.00"),
                journal("POSTED", "2024-04-01", "630", "50.00", "520", "-50.00")));
    assertNull(value(report, "a630"));
    assertEquals("0.00", total(report, "Total Assets"));
    assertEquals("0.00", total(report, "Total Equity"));
    // April's report has the April journal.
    assertEquals(
        "50.00",
        value(
            sheet(
                LocalDate.of(2024, 4, 1),
                List.of(journal("POSTED", "2024-04-01", "630", "50.00", "520", "-50.00"))),
            "a630"));
  }

  @Test
  void approvedBillsToTheInventoryAccountCountAndTheSheetBalances() {
    JsonObject bill =
        read(
            "{\"InvoiceID\":\"b1\",\"Type\":\"ACCPAY\",\"Status\":\"AUTHORISED\",\"Date\":\"2024-03-05\","
                + "\"LineAmountTypes\":\"Exclusive\",\"LineItems\":[{\"AccountCode\":\"630\","
                + "\"LineAmount\":200.00,\"TaxAmount\":30.00}],\"Total\":230.00,\"AmountPaid\":0}");
    JsonObject draftBill =
        read(
            "{\"InvoiceID\":\"b2\",\"Type\":\"ACCPAY\",\"Status\":\"DRAFT\",\"Date\":\"2024-03-06\","
                + "\"LineAmountTypes\":\"Exclusive\",\"LineItems\":[{\"AccountCode\":\"630\","
                + "\"LineAmount\":999.00,\"TaxAmount\":0}],\"Total\":999.00,\"AmountPaid\":0}");
    JsonObject sale =
        read(
            "{\"InvoiceID\":\"i1\",\"Type\":\"ACCREC\",\"Status\":\"PAID\",\"Date\":\"2024-03-07\","
                + "\"LineAmountTypes\":\"Exclusive\",\"LineItems\":[{\"AccountCode\":\"200\","
                + "\"LineAmount\":100.00,\"TaxAmount\":15.00}],\"Total\":115.00,\"AmountPaid\":115.00}");
    Ledger ledger =
        Ledger.forBalanceSheet(LocalDate.of(2024, 3, 20), List.of())
            .journals(
                List.of(
                    journal("POSTED", "2024-03-31", "520", "80.00", "630", "-80.00"),
                    journal("POSTED", "2024-03-02", "720", "500.00", "900", "-500.00")))
            .documents(List.of(bill, draftBill, sale), false, List.of());
    JsonObject report = ledger.balanceSheet("Demo Company (NZ)", ACCOUNTS, NOW);
    // Inventory: 200.00 bought − 80.00 expensed.
    assertEquals("120.00", value(report, "a630"));
    assertEquals("115.00", value(report, "a090"));
    assertEquals("500.00", value(report, "a720"));
    // Liabilities read as positive credits; GST 15.00 collected − 30.00 paid is a debit.
    assertEquals("230.00", value(report, "a800"));
    assertEquals("-15.00", value(report, "a820"));
    assertEquals("500.00", value(report, "a900"));
    assertEquals("120.00", total(report, "Total Current Assets"));
    assertEquals("115.00", total(report, "Total Bank"));
    assertEquals("735.00", total(report, "Total Assets"));
    assertEquals("215.00", total(report, "Total Current Liabilities"));
    assertEquals("500.00", total(report, "Total Non-current Liabilities"));
    assertEquals("715.00", total(report, "Total Liabilities"));
    assertEquals("20.00", total(report, "Net Assets"));
    // Sales 100.00 − closing stock 80.00.
    assertEquals("20.00", value(report, XeroJson.ZERO_ID));
    assertEquals("20.00", total(report, "Total Equity"));
    assertEquals(
        List.of(
            "Header",
            "Assets",
            "Bank",
            "Current Assets",
            "Fixed Assets",
            "",
            "Liabilities",
            "Current Liabilities",
            "Non-current Liabilities",
            "",
            "",
            "Equity"),
        report.getJsonArray("Rows").stream()
            .map(JsonValue::asJsonObject)
            .map(r -> r.getString("Title", r.getString("RowType")))
            .toList());
  }

  @Test
  void aTrackingOptionCountsOnlyTheLinesTrackedWithIt() {
    JsonObject byName =
        journal("POSTED", "2024-03-31", "630", "286.00", "520", "-286.00", "Region", "Auckland");
    JsonObject otherBranch =
        journal("POSTED", "2024-03-31", "630", "40.00", "520", "-40.00", "Region", "Wellington");
    JsonObject untracked = journal("POSTED", "2024-03-31", "630", "7.00", "520", "-7.00");
    JsonObject bill =
        read(
            "{\"InvoiceID\":\"b1\",\"Type\":\"ACCPAY\",\"Status\":\"AUTHORISED\",\"Date\":\"2024-03-05\","
                + "\"LineAmountTypes\":\"NoTax\",\"LineItems\":["
                + "{\"AccountCode\":\"630\",\"LineAmount\":10.00,\"Tracking\":[{\"Name\":\"Region\","
                + "\"Option\":\"Auckland\",\"TrackingCategoryID\":\""
                + REGION
                + "\",\"TrackingOptionID\":\""
                + AUCKLAND
                + "\"}]},"
                + "{\"AccountCode\":\"630\",\"LineAmount\":5.00}],\"Total\":15.00,\"AmountPaid\":0}");
    Ledger.TrackingOption auckland = Ledger.TrackingOption.find(AUCKLAND, CATEGORIES);
    assertEquals(new Ledger.TrackingOption(AUCKLAND, "Region", "Auckland"), auckland);
    JsonObject report =
        Ledger.forBalanceSheet(LocalDate.of(2024, 3, 1), List.of(auckland))
            .journals(List.of(byName, otherBranch, untracked))
            .documents(List.of(bill), false, List.of())
            .balanceSheet("Demo", ACCOUNTS, NOW);
    assertEquals("296.00", value(report, "a630"));
    assertEquals("10.00", value(report, "a800"));
    // Without the filter, every line.
    JsonObject all =
        Ledger.forBalanceSheet(LocalDate.of(2024, 3, 1), List.of())
            .journals(List.of(byName, otherBranch, untracked))
            .documents(List.of(bill), false, List.of())
            .balanceSheet("Demo", ACCOUNTS, NOW);
    assertEquals("348.00", value(all, "a630"));
    // An unknown option matches nothing.
    JsonObject unknown =
        Ledger.forBalanceSheet(
                LocalDate.of(2024, 3, 1), List.of(Ledger.TrackingOption.find("nope", CATEGORIES)))
            .journals(List.of(byName, otherBranch, untracked))
            .balanceSheet("Demo", ACCOUNTS, NOW);
    assertNull(value(unknown, "a630"));
  }

  private static JsonObject sheet(LocalDate date, List<JsonObject> journals) {
    return Ledger.forBalanceSheet(date, List.of())
        .journals(journals)
        .balanceSheet("Demo Company (NZ)", ACCOUNTS, NOW);
  }

  /** The second cell of the Row whose first cell's account attribute is the id; null if none. */
  private static String value(JsonObject report, String accountId) {
    for (JsonObject row : rows(report.getJsonArray("Rows"))) {
      JsonArray cells = row.getJsonArray("Cells");
      if (!"Row".equals(row.getString("RowType"))
          || !cells.getJsonObject(0).containsKey("Attributes")) {
        continue;
      }
      JsonObject attribute = cells.getJsonObject(0).getJsonArray("Attributes").getJsonObject(0);
      assertEquals("account", attribute.getString("Id"));
      assertEquals(attribute, cells.getJsonObject(1).getJsonArray("Attributes").getJsonObject(0));
      if (attribute.getString("Value").equals(accountId)) {
        return cells.getJsonObject(1).getString("Value");
      }
    }
    return null;
  }

  /** The value of the summary (or "Net Assets") row with this first cell. */
  private static String total(JsonObject report, String label) {
    for (JsonObject row : rows(report.getJsonArray("Rows"))) {
      JsonArray cells = row.getJsonArray("Cells");
      if (cells != null && cells.getJsonObject(0).getString("Value").equals(label)) {
        return cells.getJsonObject(1).getString("Value");
      }
    }
    throw new AssertionError("no row " + label);
  }

  private static List<JsonObject> rows(JsonArray rows) {
    List<JsonObject> all = new ArrayList<>();
    for (JsonValue value : rows) {
      JsonObject row = value.asJsonObject();
      all.add(row);
      if (row.containsKey("Rows")) {
        all.addAll(rows(row.getJsonArray("Rows")));
      }
    }
    return all;
  }

  private static JsonObject journal(
      String status, String date, String debit, String dr, String credit, String cr) {
    return read(
        "{\"Status\":\""
            + status
            + "\",\"Date\":\""
            + date
            + "\",\"JournalLines\":[{\"AccountCode\":\""
            + debit
            + "\",\"LineAmount\":"
            + dr
            + "},{\"AccountCode\":\""
            + credit
            + "\",\"LineAmount\":"
            + cr
            + "}]}");
  }

  /** A journal whose lines are both tracked by category and option name, as clients send them. */
  private static JsonObject journal(
      String status,
      String date,
      String debit,
      String dr,
      String credit,
      String cr,
      String category,
      String option) {
    String tracking =
        ",\"Tracking\":[{\"Name\":\"" + category + "\",\"Option\":\"" + option + "\"}]";
    return read(
        "{\"Status\":\""
            + status
            + "\",\"Date\":\""
            + date
            + "\",\"JournalLines\":[{\"AccountCode\":\""
            + debit
            + "\",\"LineAmount\":"
            + dr
            + tracking
            + "},{\"AccountCode\":\""
            + credit
            + "\",\"LineAmount\":"
            + cr
            + tracking
            + "}]}");
  }

  private static JsonObject account(
      String id, String code, String name, String type, String accountClass) {
    return read(
        "{\"AccountID\":\""
            + id
            + "\",\"Code\":\""
            + code
            + "\",\"Name\":\""
            + name
            + "\",\"Type\":\""
            + type
            + "\",\"Class\":\""
            + accountClass
            + "\",\"Status\":\"ACTIVE\"}");
  }

  private static JsonObject read(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
