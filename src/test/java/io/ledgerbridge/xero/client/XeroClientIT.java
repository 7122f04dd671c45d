package io.ledgerbridge.xero.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.sandbox.XeroConformance;
import io.ledgerbridge.testing.LedgerBridgeClient;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import io.ledgerbridge.xero.client.ElementResult.Outcome;
import io.ledgerbridge.xero.client.wire.Account;
import io.ledgerbridge.xero.client.wire.Contact;
import io.ledgerbridge.xero.client.wire.CreditNote;
import io.ledgerbridge.xero.client.wire.Invoice;
import io.ledgerbridge.xero.client.wire.LineItem;
import io.ledgerbridge.xero.client.wire.ManualJournal;
import io.ledgerbridge.xero.client.wire.ManualJournalLine;
import io.ledgerbridge.xero.client.wire.Organisation;
import io.ledgerbridge.xero.client.wire.Payment;
import io.ledgerbridge.xero.client.wire.Report;
import io.ledgerbridge.xero.client.wire.TaxRate;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Xero client in the test JVM against the deployed sandbox over HTTP: reads, mixed batches, the
 * rate governor under a small organisation limit, retries under injected faults with no duplicates,
 * the one token renewal after a 401, the daily limit, and every request checked against Xero's
 * OpenAPI description (when {@code ../shared} is present).
 */
class XeroClientIT extends LedgerBridgeDeployment {

  private static final String ORG = SandboxTokens.DEMO_ORG;
  private static final String FAULTS = "api/v1/sandbox/organisations/" + ORG + "/faults";
  private static final String NO_FAULTS =
      "{\"error500Percent\":0,\"error503Percent\":0,\"latencyMs\":0,\"commitThenFailPercent\":0,"
          + "\"commitThenFailMode\":\"500\",\"minuteLimit\":null,\"dayLimit\":null,"
          + "\"concurrentLimit\":null}";

  /** The failsafe executions scale the sandbox's minute to 5 s. */
  private static final Duration WINDOW = Duration.ofSeconds(5);

  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private SandboxTokens tokens;
  private XeroTarget demo;
  private XeroClient xero;

  @BeforeEach
  void connect() {
    tokens = SandboxTokens.demo(client.base());
    demo = SandboxTokens.demoTarget(client.base(), tokens);
    xero = newClient(settings());
  }

  @AfterEach
  void cleanUp() throws Exception {
    faults(NO_FAULTS);
    for (AutoCloseable c : toClose) {
      c.close();
    }
    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }

  private static XeroClientSettings settings() {
    return XeroClientSettings.defaults()
        .withMinuteWindow(WINDOW)
        .withRetries(10, Duration.ofMillis(50), Duration.ofMillis(500));
  }

  private XeroClient newClient(XeroClientSettings settings) {
    XeroClient c = new XeroClient(settings, new XeroGovernors(settings), new XeroApiUsage());
    // Only the client's requests are checked here: whether the sandbox's answers (and their
    // error statuses) match Xero's description is SandboxIT's business.
    c.onExchange(
        e ->
            XeroConformance.violations(
                    e.method(),
                    e.uri(),
                    e.requestHeaders(),
                    e.requestBody(),
                    e.status(),
                    e.contentType(),
                    e.responseBody())
                .stream()
                .filter(v -> v.contains(": validation.request."))
                .forEach(violations::add));
    toClose.add(c);
    return c;
  }

  // ---- reads ------------------------------------------------------------------------------------

  @Test
  void readsReferenceDataAndPagesContacts() {
    Organisation org = xero.organisation(demo);
    assertEquals("Demo Company (NZ)", org.name);
    assertEquals("NZD", org.baseCurrency);
    assertNotNull(org.periodLockDate);

    List<Account> inventory = xero.accounts(demo, "Type==\"INVENTORY\"");
    assertEquals(List.of("630"), inventory.stream().map(a -> a.code).toList());
    assertTrue(xero.accounts(demo).size() > 10);
    TaxRate output2 =
        xero.taxRates(demo).stream().filter(r -> "OUTPUT2".equals(r.taxType)).findFirst().get();
    assertEquals(Boolean.FALSE, output2.canApplyToExpenses);
    assertTrue(xero.currencies(demo).stream().anyMatch(c -> "NZD".equals(c.code)));
    assertFalse(xero.trackingCategories(demo, false).isEmpty());
    Report trialBalance = xero.trialBalance(demo, LocalDate.now(ZoneOffset.UTC));
    assertEquals("TrialBalance", trialBalance.reportID);
    assertFalse(trialBalance.rows.isEmpty());
    Report balanceSheet = xero.balanceSheet(demo, LocalDate.now(ZoneOffset.UTC));
    assertEquals("BalanceSheet", balanceSheet.reportID);
    assertEquals(2, ReportBalances.balance(balanceSheet, inventory.get(0).accountID).scale());

    String run = run();
    List<Contact> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(contact("Paging " + run + " " + i, run + "-" + i));
    }
    BatchResult<Contact> saved = xero.createContacts(demo, created);
    assertTrue(saved.allSaved(), saved.toString());
    List<String> ids = saved.elements().stream().map(ElementResult::id).toList();

    XeroPage<Contact> firstPage = xero.contacts(demo, XeroQuery.all().withIds(ids).withPage(1, 2));
    assertEquals(2, firstPage.items().size());
    assertTrue(firstPage.hasMore());
    List<Contact> all = xero.allContacts(demo, XeroQuery.all().withIds(ids).withPage(1, 2));
    assertEquals(Set.copyOf(ids), all.stream().map(c -> c.contactID).collect(Collectors.toSet()));
    assertEquals(
        run + "-3", xero.contact(demo, run + "-3").map(c -> c.contactNumber).orElseThrow());
    assertTrue(xero.contact(demo, UUID.randomUUID().toString()).isEmpty());
    assertTrue(
        xero.contacts(
                demo, XeroQuery.all().withIds(ids).withModifiedSince(Instant.now().plusSeconds(60)))
            .items()
            .isEmpty());
    XeroException.Validation bad =
        assertThrows(
            XeroException.Validation.class,
            () -> xero.contacts(demo, XeroQuery.all().withWhere("Name LIKE \"x\"")));
    assertEquals("QueryParseException", bad.xeroType());

    XeroApiUsage.Snapshot usage = xero.usage().snapshot(ORG);
    assertNotNull(usage.minuteRemaining());
    assertNotNull(usage.dayRemaining());
    assertTrue(usage.callsByEndpoint().get("GET Contacts") >= 4, usage.toString());
    assertTrue(usage.callsByEndpoint().containsKey("GET Contacts/{id}"), usage.toString());
  }

  // ---- batches ----------------------------------------------------------------------------------

  @Test
  void aMixedBatchSavesTheValidElementsAndNamesTheRefusedOnes() {
    String run = run();
    String contactId = newContact(run);
    List<Invoice> invoices = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      invoices.add(invoice(run + "-" + i, contactId, i % 40 == 7 ? "999" : "200"));
    }
    invoices.set(60, invoice(run + "-0", contactId, "200")); // a number already used above

    BatchResult<Invoice> result = xero.createInvoices(demo, invoices);

    assertEquals(3, result.requests()); // 50 + 50 + 20
    assertEquals(120, result.elements().size());
    Set<Integer> refused = Set.of(7, 47, 60, 87);
    for (ElementResult<Invoice> e : result.elements()) {
      if (refused.contains(e.index())) {
        assertEquals(Outcome.ERROR, e.outcome(), e.toString());
        assertNull(e.id());
        assertFalse(e.errors().isEmpty());
      } else {
        assertEquals(Outcome.OK, e.outcome(), e.toString());
        assertNotNull(e.id());
        assertEquals(invoices.get(e.index()).invoiceNumber, e.number());
        assertEquals("DRAFT", e.status());
      }
    }
    assertEquals(
        List.of("Account code '999' is not a valid code for this document."),
        result.get(7).errors());
    assertTrue(
        result.get(60).errors().get(0).contains("must be unique"),
        result.get(60).errors().toString());
    assertEquals(116, result.saved());

    // What exists in the sandbox: exactly the saved ones, once each.
    Map<String, Long> stored = storedInvoiceNumbers(run);
    assertEquals(116, stored.size());
    assertTrue(stored.values().stream().allMatch(n -> n == 1), stored.toString());
    assertFalse(stored.containsKey(run + "-7"));
    List<String> ids =
        result.elements().stream().map(ElementResult::id).filter(i -> i != null).toList();
    assertEquals(116, xero.allInvoices(demo, XeroQuery.all().withIds(ids).withPage(1, 100)).size());
    Invoice one = xero.invoice(demo, ids.get(0)).orElseThrow();
    assertEquals(new BigDecimal("23.00"), one.total);
    assertEquals("200", one.lineItems.get(0).accountCode);
    assertEquals(
        List.of(run + "-1"),
        xero.invoices(demo, XeroQuery.all().withNumbers(List.of(run + "-1"))).items().stream()
            .map(i -> i.invoiceNumber)
            .toList());

    // Manual journals: a balanced one is posted, an unbalanced one refused.
    BatchResult<ManualJournal> journals =
        xero.createManualJournals(
            demo,
            List.of(
                journal(run + " COGS", "100.00", "-100.00"),
                journal(run + " bad", "100.00", "-90.00")));
    assertEquals(Outcome.OK, journals.get(0).outcome());
    assertEquals("POSTED", journals.get(0).status());
    assertEquals(Outcome.ERROR, journals.get(1).outcome());
    assertTrue(
        journals.get(1).errors().get(0).contains("total debits"),
        journals.get(1).errors().toString());
    ManualJournal read = xero.manualJournal(demo, journals.get(0).id()).orElseThrow();
    assertEquals(2, read.journalLines.size());
  }

  @Test
  void creditNotesAndPaymentsPerElement() {
    String run = run();
    String contactId = newContact(run);
    Invoice approved = invoice(run + "-INV", contactId, "200");
    approved.status = "AUTHORISED";
    ElementResult<Invoice> invoice = xero.createInvoices(demo, List.of(approved)).get(0);
    assertEquals(Outcome.OK, invoice.outcome(), invoice.toString());
    assertEquals("AUTHORISED", invoice.status());

    CreditNote good = creditNote(run + "-CN1", contactId, "200");
    CreditNote bad = creditNote(run + "-CN2", contactId, "999");
    BatchResult<CreditNote> notes = xero.createCreditNotes(demo, List.of(good, bad));
    assertEquals(Outcome.OK, notes.get(0).outcome(), notes.get(0).toString());
    assertEquals(run + "-CN1", notes.get(0).number());
    assertEquals(Outcome.ERROR, notes.get(1).outcome());
    assertEquals(
        List.of("Account code '999' is not a valid code for this document."),
        notes.get(1).errors());
    CreditNote read = xero.creditNote(demo, notes.get(0).id()).orElseThrow();
    assertEquals(new BigDecimal("11.50"), read.total);
    assertEquals(
        List.of(notes.get(0).id()),
        xero.creditNotes(demo, XeroQuery.all().withIds(List.of(notes.get(0).id()))).items().stream()
            .map(c -> c.creditNoteID)
            .toList());

    Payment payment = new Payment();
    payment.invoice = new Invoice();
    payment.invoice.invoiceID = invoice.id();
    payment.account = new Account();
    payment.account.code = "090";
    payment.date = LocalDate.now(ZoneOffset.UTC);
    payment.amount = new BigDecimal("5.00");
    Payment tooMuch = new Payment();
    tooMuch.invoice = payment.invoice;
    tooMuch.account = payment.account;
    tooMuch.date = payment.date;
    tooMuch.amount = new BigDecimal("500.00");
    BatchResult<Payment> payments = xero.createPayments(demo, List.of(payment, tooMuch));
    assertEquals(Outcome.OK, payments.get(0).outcome(), payments.get(0).toString());
    assertNotNull(payments.get(0).id());
    assertEquals(Outcome.ERROR, payments.get(1).outcome());
    assertEquals(new BigDecimal("18.00"), xero.invoice(demo, invoice.id()).orElseThrow().amountDue);
  }

  private static CreditNote creditNote(String number, String contactId, String accountCode) {
    Invoice lines = invoice(number, contactId, accountCode);
    CreditNote note = new CreditNote();
    note.type = "ACCRECCREDIT";
    note.creditNoteNumber = number;
    note.contact = lines.contact;
    note.date = lines.date;
    note.status = "DRAFT";
    note.lineAmountTypes = "Exclusive";
    lines.lineItems.get(0).quantity = BigDecimal.ONE;
    note.lineItems = lines.lineItems;
    return note;
  }

  // ---- limits -----------------------------------------------------------------------------------

  @Test
  void aSmallMinuteLimitIsPacedAndWaitedOutWithoutFailing() throws Exception {
    faults("{\"minuteLimit\":4}");
    Instant start = Instant.now();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        calls.add(pool.submit(() -> xero.currencies(demo).size()));
      }
      for (Future<Integer> call : calls) {
        assertTrue(call.get() > 0);
      }
    } finally {
      pool.shutdownNow();
    }
    Duration took = Duration.between(start, Instant.now());
    XeroApiUsage.Snapshot usage = xero.usage().snapshot(ORG);
    // 12 calls at 4 per 5-second window span at least two window ends.
    assertTrue(took.compareTo(WINDOW) >= 0, "took " + took);
    assertEquals(12, usage.callsByEndpoint().get("GET Currencies") - usage.rateLimited());
    assertTrue(usage.rateLimited() <= 6, "too many 429s: " + usage);
  }

  @Test
  void theDailyLimitStopsWithAClearExceptionAndNoFurtherCalls() {
    xero.organisation(demo);
    faults("{\"dayLimit\":1}");
    XeroException.DailyLimitReached e =
        assertThrows(XeroException.DailyLimitReached.class, () -> xero.currencies(demo));
    assertNotNull(e.retryAfter());
    long calls = xero.usage().snapshot(ORG).calls();
    // The governor now refuses before calling Xero, and a write reports every element NOT_SENT.
    assertThrows(XeroException.DailyLimitReached.class, () -> xero.currencies(demo));
    BatchResult<Contact> write = xero.createContacts(demo, List.of(contact("Day " + run(), null)));
    assertEquals(Outcome.NOT_SENT, write.get(0).outcome());
    assertEquals(calls, xero.usage().snapshot(ORG).calls());
  }

  // ---- faults, retries, idempotency
  // ---------------------------------------------------------------

  @Test
  void retriesUnderInjectedFaultsAndCommitThenFailCreateNoDuplicates() {
    String run = run();
    String contactId = newContact(run);
    XeroClientSettings small =
        new XeroClientSettings(
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            10,
            Duration.ofMillis(50),
            Duration.ofMillis(500),
            5,
            5,
            WINDOW,
            0,
            0,
            20);
    XeroClient faulty = newClient(small);
    int n = 0;
    for (String mode : List.of("drop", "500", "503")) {
      faults(
          "{\"error500Percent\":15,\"error503Percent\":10,\"commitThenFailPercent\":25,"
              + "\"commitThenFailMode\":\""
              + mode
              + "\"}");
      List<Invoice> invoices = new ArrayList<>();
      for (int i = 0; i < 20; i++, n++) {
        invoices.add(invoice(run + "-" + n, contactId, "200"));
      }
      BatchResult<Invoice> result = faulty.createInvoices(demo, invoices);
      assertEquals(4, result.requests());
      assertTrue(result.allSaved(), mode + ": " + result.elements());
      // Reads are retried too.
      assertEquals(
          5,
          faulty
              .invoices(
                  demo,
                  XeroQuery.all()
                      .withIds(result.elements().stream().limit(5).map(ElementResult::id).toList()))
              .items()
              .size());
    }
    faults(NO_FAULTS);
    Map<String, Long> stored = storedInvoiceNumbers(run);
    assertEquals(60, stored.size(), stored.toString());
    assertTrue(stored.values().stream().allMatch(c -> c == 1), "duplicates: " + stored);
    assertTrue(faulty.usage().snapshot(ORG).retries() > 0, "no fault was injected at all?");
  }

  @Test
  void aWriteWhoseAnswersAreAllLostIsAmbiguousAndExistsOnce() {
    String run = run();
    String contactId = newContact(run);
    XeroClient impatient =
        newClient(settings().withRetries(2, Duration.ofMillis(20), Duration.ofMillis(50)));
    faults("{\"commitThenFailPercent\":100,\"commitThenFailMode\":\"drop\"}");

    BatchResult<Invoice> result =
        impatient.createInvoices(demo, List.of(invoice(run + "-1", contactId, "200")));

    faults(NO_FAULTS);
    ElementResult<Invoice> element = result.get(0);
    assertEquals(Outcome.AMBIGUOUS, element.outcome());
    XeroException.Ambiguous failure = (XeroException.Ambiguous) element.failure();
    assertTrue(failure.idempotencyKey().startsWith("lb1-"));
    assertTrue(failure.getMessage().contains("reconcile"), failure.getMessage());
    // Reconciling finds it: the first attempt took effect, the retries were replayed.
    assertEquals(Map.of(run + "-1", 1L), storedInvoiceNumbers(run));
    assertEquals(
        1, xero.invoices(demo, XeroQuery.all().withNumbers(List.of(run + "-1"))).items().size());
    // Sending it again unchanged (same key, within Xero's window) answers from the key: no copy.
    BatchResult<Invoice> again =
        xero.createInvoices(demo, List.of(invoice(run + "-1", contactId, "200")));
    assertEquals(Outcome.OK, again.get(0).outcome());
    assertEquals(Map.of(run + "-1", 1L), storedInvoiceNumbers(run));
  }

  // ---- tokens -----------------------------------------------------------------------------------

  @Test
  void a401RenewsTheTokenOnceAndRetries() {
    SandboxTokens revoked = SandboxTokens.startingRevoked(client.base());
    XeroTarget target = SandboxTokens.demoTarget(client.base(), revoked);

    assertEquals("Demo Company (NZ)", xero.organisation(target).name);
    assertEquals(1, revoked.renewals());
    xero.currencies(target);
    assertEquals(1, revoked.renewals());

    SandboxTokens refused = SandboxTokens.alwaysRefused(client.base());
    XeroException.AccessDenied denied =
        assertThrows(
            XeroException.AccessDenied.class,
            () -> xero.organisation(SandboxTokens.demoTarget(client.base(), refused)));
    assertEquals(401, denied.xeroStatus());
    assertEquals(1, refused.renewals());
  }

  @Test
  void xerosErrorsBecomeClearExceptions() {
    XeroException.AccessDenied forbidden =
        assertThrows(
            XeroException.AccessDenied.class,
            () ->
                xero.organisation(
                    new XeroTarget(
                        SandboxTokens.apiBase(client.base()),
                        "b0c1a2d3-0000-4000-8000-00000000d3a1",
                        tokens)));
    assertEquals(403, forbidden.xeroStatus());
    assertEquals(List.of("AuthenticationUnsuccessful"), forbidden.xeroMessages());
    assertTrue(xero.invoice(demo, UUID.randomUUID().toString()).isEmpty());
    assertTrue(xero.manualJournal(demo, UUID.randomUUID().toString()).isEmpty());
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static String run() {
    return "XC" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  private String newContact(String run) {
    BatchResult<Contact> saved =
        xero.createContacts(demo, List.of(contact("Customer " + run, run)));
    assertTrue(saved.allSaved(), saved.toString());
    return saved.get(0).id();
  }

  private static Contact contact(String name, String number) {
    Contact c = new Contact();
    c.name = name;
    c.contactNumber = number;
    return c;
  }

  static Invoice invoice(String number, String contactId, String accountCode) {
    Invoice invoice = new Invoice();
    invoice.type = "ACCREC";
    invoice.invoiceNumber = number;
    invoice.contact = Contact.reference(contactId);
    invoice.date = LocalDate.now(ZoneOffset.UTC);
    invoice.dueDate = invoice.date.plusDays(14);
    invoice.status = "DRAFT";
    invoice.lineAmountTypes = "Exclusive";
    LineItem line = new LineItem();
    line.description = "Widget";
    line.quantity = new BigDecimal("2");
    line.unitAmount = new BigDecimal("10.00");
    line.accountCode = accountCode;
    line.taxType = "OUTPUT2";
    invoice.lineItems = List.of(line);
    return invoice;
  }

  private static ManualJournal journal(String narration, String debit, String credit) {
    ManualJournal journal = new ManualJournal();
    journal.narration = narration;
    journal.date = LocalDate.now(ZoneOffset.UTC);
    journal.status = "POSTED";
    journal.lineAmountTypes = "NoTax";
    journal.journalLines = List.of(line("310", debit), line("635", credit));
    return journal;
  }

  private static ManualJournalLine line(String account, String amount) {
    ManualJournalLine line = new ManualJournalLine();
    line.accountCode = account;
    line.lineAmount = new BigDecimal(amount);
    return line;
  }

  private void faults(String json) {
    HttpResponse<String> response = admin("PUT", FAULTS, json);
    assertEquals(200, response.statusCode(), response.body());
  }

  /** How many invoices with each number of this run the sandbox holds (console, not the API). */
  private Map<String, Long> storedInvoiceNumbers(String run) {
    HttpResponse<String> response =
        admin("GET", "api/v1/sandbox/organisations/" + ORG + "/invoices", null);
    assertEquals(200, response.statusCode(), response.body());
    Map<String, Long> counts = new HashMap<>();
    for (JsonObject item :
        LedgerBridgeClient.json(response).getJsonArray("items").getValuesAs(JsonObject.class)) {
      String number = item.getJsonObject("document").getString("InvoiceNumber", "");
      if (number.startsWith(run + "-")) {
        counts.merge(number, 1L, Long::sum);
      }
    }
    return counts;
  }

  private HttpResponse<String> admin(String method, String path, String body) {
    return client.asAdmin(method, path, body);
  }
}
