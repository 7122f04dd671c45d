package io.ledgerbridge.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalRulesTest {

  private static final LocalDate LOCK = LocalDate.of(2026, 3, 31);
  private static final LocalDate YEAR_LOCK = LocalDate.of(2025, 3, 31);
  private static final Map<String, JournalRules.Account> ACCOUNTS = new HashMap<>();

  static {
    for (JournalRules.Account a :
        List.of(
            new JournalRules.Account("a090", "090", "BANK", null, "ACTIVE"),
            new JournalRules.Account("a310", "310", "DIRECTCOSTS", null, "ACTIVE"),
            new JournalRules.Account("a330", "330", "DIRECTCOSTS", null, "ACTIVE"),
            new JournalRules.Account("a610", "610", "CURRENT", "DEBTORS", "ACTIVE"),
            new JournalRules.Account("a630", "630", "INVENTORY", null, "ACTIVE"),
            new JournalRules.Account("a635", "635", "CURRENT", null, "ACTIVE"),
            new JournalRules.Account("a800", "800", "CURRLIAB", "CREDITORS", "ACTIVE"),
            new JournalRules.Account("a820", "820", "CURRLIAB", "GST", "ACTIVE"),
            new JournalRules.Account("a860", "860", "CURRLIAB", "ROUNDING", "ACTIVE"),
            new JournalRules.Account("a960", "960", "EQUITY", "RETAINEDEARNINGS", "ACTIVE"),
            new JournalRules.Account("a499", "499", "REVENUE", null, "ARCHIVED"))) {
      ACCOUNTS.put(a.code(), a);
      ACCOUNTS.put(a.id(), a);
    }
  }

  private static JsonObject journal(String status, String date, Object... codeAmountPairs) {
    JsonArrayBuilder lines = Json.createArrayBuilder();
    for (int i = 0; i + 1 < codeAmountPairs.length; i += 2) {
      lines.add(
          Json.createObjectBuilder()
              .add("AccountCode", (String) codeAmountPairs[i])
              .add("LineAmount", new BigDecimal(codeAmountPairs[i + 1].toString())));
    }
    return Json.createObjectBuilder()
        .add("Narration", "COGS for SH-1")
        .add("Date", date)
        .add("Status", status)
        .add("JournalLines", lines)
        .build();
  }

  private static JournalRules.Outcome check(JsonObject journal) {
    return JournalRules.check(journal, null, ACCOUNTS, LOCK, YEAR_LOCK);
  }

  @Test
  void aBalancedJournalIsAcceptedWithNoTaxByDefault() {
    JournalRules.Outcome outcome =
        check(journal("POSTED", "2026-05-02", "310", "100", "635", "-100"));
    assertTrue(outcome.ok(), outcome.errors().toString());
    assertEquals("NoTax", outcome.journal().getString("LineAmountTypes"));
    assertTrue(outcome.journal().getBoolean("ShowOnCashBasisReports"));
    assertEquals(
        "100.00",
        outcome
            .journal()
            .getJsonArray("JournalLines")
            .getJsonObject(0)
            .get("LineAmount")
            .toString());
    assertEquals(
        "a310",
        outcome.journal().getJsonArray("JournalLines").getJsonObject(0).getString("AccountID"));
  }

  @Test
  void anUnbalancedJournalGivesXerosMessage() {
    JournalRules.Outcome outcome =
        check(journal("DRAFT", "2026-05-02", "310", "100", "635", "-10"));
    assertEquals(
        List.of("The total debits (100.00) must equal total credits (-10.00)"), outcome.errors());
  }

  @Test
  void narrationAndTwoLinesAreRequired() {
    JsonObject oneLine =
        Json.createObjectBuilder(journal("DRAFT", "2026-05-02", "310", "0"))
            .add("Narration", " ")
            .build();
    List<String> errors = check(oneLine).errors();
    assertTrue(errors.contains("Narration cannot be empty."), errors.toString());
    assertTrue(
        errors.contains(
            "Journal lines must contain at least two individual JournalLine sub-elements."),
        errors.toString());
  }

  @Test
  void inventoryBankAndSystemAccountsAreRefused() {
    assertEquals(
        List.of("You cannot save this transaction using an inventory account type"),
        check(journal("POSTED", "2026-05-02", "310", "5", "630", "-5")).errors());
    assertTrue(
        check(journal("POSTED", "2026-05-02", "310", "5", "090", "-5"))
            .errors()
            .get(0)
            .contains("clearing accounts"));
    for (String system : List.of("610", "800", "820", "960")) {
      List<String> errors =
          check(journal("POSTED", "2026-05-02", "310", "5", system, "-5")).errors();
      assertEquals(1, errors.size(), system);
      assertTrue(errors.get(0).contains("system account"), errors.toString());
    }
    // Rounding is a system account Xero lets you journal to.
    assertTrue(check(journal("POSTED", "2026-05-02", "310", "5", "860", "-5")).ok());
    assertTrue(
        check(journal("POSTED", "2026-05-02", "310", "5", "499", "-5"))
            .errors()
            .get(0)
            .contains("has been archived"));
  }

  @Test
  void anUnknownAccountIsRemovedWithAWarningAndThenPostingFails() {
    JournalRules.Outcome draft = check(journal("DRAFT", "2026-05-02", "310", "5", "476", "-5"));
    assertTrue(draft.ok(), draft.errors().toString());
    assertEquals(
        List.of("Account code '476' has been removed as it does not match a recognised account."),
        draft.warnings());
    assertFalse(
        draft.journal().getJsonArray("JournalLines").getJsonObject(1).containsKey("AccountCode"));
    JournalRules.Outcome posted = check(journal("POSTED", "2026-05-02", "310", "5", "476", "-5"));
    assertEquals(List.of("Account code or ID must be specified"), posted.errors());
  }

  @Test
  void datesOnOrBeforeTheLockDatesAreRefused() {
    assertEquals(
        List.of(
            "The document date cannot be before the period lock date, currently set at 31 March"
                + " 2026"),
        check(journal("POSTED", "2026-03-31", "310", "5", "635", "-5")).errors());
    assertTrue(check(journal("POSTED", "2026-04-01", "310", "5", "635", "-5")).ok());
    assertTrue(
        JournalRules.lockError(LocalDate.of(2025, 1, 1), null, YEAR_LOCK)
            .contains("end of year lock date"));
  }

  @Test
  void statusTransitions() {
    assertNull(JournalRules.transitionError(null, "DRAFT"));
    assertNull(JournalRules.transitionError(null, "POSTED"));
    assertNull(JournalRules.transitionError("DRAFT", "POSTED"));
    assertNull(JournalRules.transitionError("DRAFT", "DELETED"));
    assertNull(JournalRules.transitionError("POSTED", "VOIDED"));
    assertTrue(JournalRules.transitionError(null, "VOIDED") != null);
    assertTrue(JournalRules.transitionError("POSTED", "DRAFT") != null);
    assertTrue(JournalRules.transitionError("POSTED", "DELETED") != null);
    assertTrue(JournalRules.transitionError("VOIDED", "POSTED") != null);
    assertTrue(JournalRules.transitionError("DELETED", "DRAFT") != null);
    assertTrue(JournalRules.transitionError("DRAFT", "ARCHIVED") != null);
  }

  @Test
  void theLedgerPostsJournalsAndDocumentsAtTheDate() {
    JsonObject posted =
        check(journal("POSTED", "2026-05-02", "310", "100", "635", "-100")).journal();
    JsonObject later = check(journal("POSTED", "2026-07-02", "310", "7", "635", "-7")).journal();
    JsonObject invoice =
        read(
            "{\"InvoiceID\":\"i1\",\"Type\":\"ACCREC\",\"Status\":\"PAID\",\"Date\":\""
                + XeroJson.date(LocalDate.of(2026, 5, 1))
                + "\",\"LineAmountTypes\":\"Exclusive\",\"LineItems\":[{\"AccountCode\":\"200\","
                + "\"LineAmount\":100,\"TaxAmount\":15}],\"Total\":115,\"AmountPaid\":115}");
    JsonObject bill =
        read(
            "{\"InvoiceID\":\"b1\",\"Type\":\"ACCPAY\",\"Status\":\"AUTHORISED\",\"Date\":\"2026-05-01\","
                + "\"LineAmountTypes\":\"Inclusive\",\"LineItems\":[{\"AccountCode\":\"300\","
                + "\"LineAmount\":23,\"TaxAmount\":3}],\"Total\":23,\"AmountPaid\":0}");
    Ledger ledger =
        new Ledger(LocalDate.of(2026, 6, 30))
            .journals(List.of(posted, later))
            .documents(List.of(invoice, bill), false, List.of());
    Map<String, BigDecimal> b = ledger.balances();
    assertEquals(0, new BigDecimal("100").compareTo(b.get("310")));
    assertEquals(0, new BigDecimal("-100").compareTo(b.get("635")));
    assertEquals(0, new BigDecimal("-100").compareTo(b.get("200")));
    assertEquals(0, new BigDecimal("20").compareTo(b.get("300")));
    assertEquals(0, new BigDecimal("-12").compareTo(b.get("820")));
    assertEquals(0, new BigDecimal("115").compareTo(b.get("090")));
    assertEquals(0, b.getOrDefault("610", BigDecimal.ZERO).signum());
    assertEquals(0, new BigDecimal("-23").compareTo(b.get("800")));
    BigDecimal sum = b.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    assertEquals(0, sum.signum());
    JsonObject report =
        ledger.trialBalance(
            "Demo",
            List.of(
                read(
                    "{\"AccountID\":\"a310\",\"Code\":\"310\",\"Name\":\"Cost of Goods Sold\","
                        + "\"Class\":\"EXPENSE\"}")),
            Instant.now());
    assertEquals("TrialBalance", report.getString("ReportType"));
    assertEquals("Header", report.getJsonArray("Rows").getJsonObject(0).getString("RowType"));
  }

  private static JsonObject read(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
