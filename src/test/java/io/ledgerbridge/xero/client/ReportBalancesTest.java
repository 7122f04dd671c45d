package io.ledgerbridge.xero.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ledgerbridge.xero.client.wire.Envelope;
import io.ledgerbridge.xero.client.wire.Report;
import io.ledgerbridge.xero.client.wire.XeroJson;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ReportBalancesTest {

  private static final XeroJson JSON = new XeroJson();
  private static final String INVENTORY = "8c8f3a1e-0000-4000-8000-000000000630";
  private static final String BANK = "300f3bde-3a5c-4035-9ec5-45b09777679a";
  private static final String PAYABLE = "d5d2c3b4-0000-4000-8000-000000000800";
  private static final String SECOND_INVENTORY = "8c8f3a1e-0000-4000-8000-000000000631";

  /** A Balance Sheet as Xero answers it (shape of the OpenAPI example), names made to mislead. */
  private static final String ANSWER =
      """
      {"Id":"2ddba304","Status":"OK","ProviderName":"LedgerBridge","DateTimeUTC":"/Date(1711843200000)/",
       "Reports":[{"ReportID":"BalanceSheet","ReportName":"Balance Sheet","ReportType":"BalanceSheet",
        "ReportTitles":["Balance Sheet","Demo Company (NZ)","As at 31 March 2024"],
        "ReportDate":"10 April 2024","UpdatedDateUTC":"/Date(1712710800000)/","Fields":[],
        "Rows":[
         {"RowType":"Header","Cells":[{"Value":""},{"Value":"31 Mar 2024"}]},
         {"RowType":"Section","Title":"Assets","Rows":[]},
         {"RowType":"Section","Title":"Bank","Rows":[
           {"RowType":"Row","Cells":[
             {"Value":"Inventory","Attributes":[{"Value":"%2$s","Id":"account"}]},
             {"Value":"-1850.00","Attributes":[{"Value":"%2$s","Id":"account"}]}]},
           {"RowType":"SummaryRow","Cells":[{"Value":"Total Bank"},{"Value":"-1850.00"}]}]},
         {"RowType":"Section","Title":"Current Assets","Rows":[
           {"RowType":"Row","Cells":[
             {"Value":"Stock on hand","Attributes":[{"Value":"%1$s","Id":"account"}]},
             {"Value":"676.5","Attributes":[{"Value":"%1$s","Id":"account"}]}]},
           {"RowType":"SummaryRow","Cells":[{"Value":"Total Current Assets"},{"Value":"676.50"}]}]},
         {"RowType":"Section","Title":"","Rows":[
           {"RowType":"SummaryRow","Cells":[{"Value":"Total Assets"},{"Value":"-1173.50"}]}]},
         {"RowType":"Section","Title":"Liabilities","Rows":[]},
         {"RowType":"Section","Title":"Current Liabilities","Rows":[
           {"RowType":"Row","Cells":[
             {"Value":"Accounts Payable","Attributes":[{"Value":"%3$s","Id":"account"}]},
             {"Value":"230.00","Attributes":[{"Value":"%3$s","Id":"account"}]}]}]}]}]}
      """
          .formatted(INVENTORY, BANK, PAYABLE);

  @AfterAll
  static void close() {
    JSON.close();
  }

  private static Report report() {
    return JSON.fromJson(ANSWER, Envelope.class).reports.get(0);
  }

  @Test
  void theRowIsFoundByAccountIdInANestedSectionWithScaleTwo() {
    Report report = report();
    assertEquals("BalanceSheet", report.reportID);
    assertEquals(new BigDecimal("676.50"), ReportBalances.balance(report, INVENTORY));
    assertEquals(new BigDecimal("676.50"), ReportBalances.balance(report, INVENTORY.toUpperCase()));
  }

  @Test
  void theNameOfTheRowDoesNotMatter() {
    // The bank row is called "Inventory": only its id counts.
    assertEquals(new BigDecimal("-1850.00"), ReportBalances.balance(report(), BANK));
  }

  @Test
  void theSignIsAsTheReportShowsIt() {
    // A liability in credit reads positive on Xero's Balance Sheet.
    assertEquals(new BigDecimal("230.00"), ReportBalances.balance(report(), PAYABLE));
  }

  @Test
  void aMissingRowIsZero() {
    assertEquals(new BigDecimal("0.00"), ReportBalances.balance(report(), SECOND_INVENTORY));
    assertEquals(new BigDecimal("0.00"), ReportBalances.balance(new Report(), INVENTORY));
  }
}
