package io.ledgerbridge.imports;

import static io.ledgerbridge.testing.ImportFixture.assertOutcome;
import static io.ledgerbridge.testing.ImportFixture.document;
import static io.ledgerbridge.testing.ImportFixture.outcome;
import static io.ledgerbridge.testing.LedgerBridgeClient.assertProblem;
import static io.ledgerbridge.testing.LedgerBridgeClient.assertStatus;
import static io.ledgerbridge.testing.LedgerBridgeClient.json;
import static io.ledgerbridge.testing.TestTransactions.uniqueId;
import static io.ledgerbridge.testing.TestTransactions.with;
import static io.ledgerbridge.testing.TestTransactions.withLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.testing.ImportFixture;
import io.ledgerbridge.testing.LedgerBridgeClient;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import io.ledgerbridge.testing.TestTransactions;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Import into the sandbox over the REST API, checked by what reached "Xero": each kind of document,
 * a batch mixing valid, refused and blocked documents, re-import of drafts, documents approved in
 * Xero (left alone, voided and imported as a new version, fixed by hand), Refresh from Xero, Do Not
 * Import, previews, and the API's refusals.
 */
class ImportIT extends LedgerBridgeDeployment {

  /** Recent enough to be after the sandbox's lock date (about five months back). */
  private static final String DATE = LocalDate.now().minusDays(10).toString();

  @Test
  void importsASaleAsADraftInvoiceOnceAndSkipsItTheSecondTime() {
    ImportFixture fx = new ImportFixture(client).ready();
    String code = TestTransactions.uniqueId("CUS");
    String id = TestTransactions.uniqueId("SO");
    fx.intake(document("SALE", id, 1, code, "2026-10-05", new String[] {"3", "3.35"}));
    String contactId = fx.link(code);

    JsonObject run = fx.importAndWait("SALE", id);
    assertOutcome("IMPORTED", run, id);
    List<JsonObject> docs = fx.inXero("invoices", "N-" + id);
    assertEquals(1, docs.size());
    JsonObject doc = docs.get(0);
    assertEquals("DRAFT", doc.getString("Status"));
    assertEquals("ACCREC", doc.getString("Type"));
    assertEquals(contactId, doc.getJsonObject("Contact").getString("ContactID"));
    assertEquals(
        0, new BigDecimal("11.56").compareTo(doc.getJsonNumber("Total").bigDecimalValue()));
    assertEquals(doc.getString("InvoiceID"), outcome(run, id).getString("xeroId"));
    assertEquals("IMPORTED", fx.state("SALE", id));

    JsonObject again = fx.importAndWait("SALE", id);
    assertOutcome("SKIPPED", again, id);
    assertEquals(1, fx.inXero("invoices", "N-" + id).size());
  }

  @Test
  void aSourceThatTaxesTheTotalGetsARoundingLineOnXerosRoundingAccount() {
    // The fixture's settings name 860, the demo chart's ROUNDING system account, as the rounding
    // account: settings accept it, so the import must too (issue 16).
    ImportFixture fx = new ImportFixture(client).ready();
    String code = uniqueId("CUS");
    String id = uniqueId("SO");
    // Three lines of 1.10: Xero taxes each line (0.165 -> 0.17, three times 0.51, total 3.81); the
    // source taxed its subtotal once (3.30 x 15% = 0.495 -> 0.50) and says 3.80.
    fx.intake(
        with(
            document(
                "SALE",
                id,
                1,
                code,
                DATE,
                new String[] {"1", "1.10"},
                new String[] {"1", "1.10"},
                new String[] {"1", "1.10"}),
            "total",
            new BigDecimal("3.80")));
    fx.link(code);

    JsonObject run = fx.importAndWait("SALE", id);
    assertOutcome("IMPORTED", run, id);
    JsonObject doc = one(fx, "invoices", "N-" + id);
    assertMoney("3.80", doc, "Total");
    assertMoney("0.51", doc, "TotalTax");
    List<JsonObject> rounding =
        doc.getJsonArray("LineItems").getValuesAs(JsonObject.class).stream()
            .filter(l -> "Rounding".equals(l.getString("Description", "")))
            .toList();
    assertEquals(1, rounding.size(), doc::toString);
    assertEquals("860", rounding.get(0).getString("AccountCode"));
    assertMoney("-0.01", rounding.get(0), "LineAmount");
  }

  @Test
  void eachKindBecomesOneDraftOfItsXeroTypeWithXerosPerLineTaxTotals() {
    ImportFixture fx = new ImportFixture(client).ready();
    String customer = uniqueId("CUS");
    String supplier = uniqueId("SUP");
    String sale = uniqueId("SO");
    String purchase = uniqueId("PO");
    String customerCredit = uniqueId("CC");
    String supplierCredit = uniqueId("SC");
    fx.intake(
        // xero-api.md §5.5: tax per line 3.76 + 3.84 + 3.84 = 11.44 (11.45 on the whole).
        document(
            "SALE",
            sale,
            1,
            customer,
            DATE,
            new String[] {"1", "25.07"},
            new String[] {"1", "25.63"},
            new String[] {"1", "25.63"}),
        document(
            "PURCHASE",
            purchase,
            1,
            supplier,
            DATE,
            new String[] {"2", "19.99"},
            new String[] {"1", "5.00"}),
        document(
            "CUSTOMER_CREDIT",
            customerCredit,
            1,
            customer,
            DATE,
            new String[] {"1", "10.00"},
            new String[] {"3", "3.35"}),
        document("SUPPLIER_CREDIT", supplierCredit, 1, supplier, DATE, new String[] {"3", "4.35"}));
    String customerId = fx.link(customer);
    String supplierId = fx.link(supplier);

    // The preview is the exact document that goes: type, contact, accounts, tax types, totals.
    JsonObject preview = preview("sale", sale);
    assertEquals("CREATE", preview.getString("action"));
    assertTrue(preview.getBoolean("importable"), preview::toString);
    assertEquals(0, preview.getJsonArray("blocking").size(), preview::toString);
    JsonObject shown = preview.getJsonObject("document");
    assertEquals("ACCREC", shown.getString("Type"));
    assertEquals("DRAFT", shown.getString("Status"));
    assertEquals("N-" + sale, shown.getString("InvoiceNumber"));
    assertEquals(customerId, shown.getJsonObject("Contact").getString("ContactID"));
    assertEquals(3, shown.getJsonArray("LineItems").size());
    for (JsonObject line : shown.getJsonArray("LineItems").getValuesAs(JsonObject.class)) {
      assertEquals("200", line.getString("AccountCode"), line::toString);
      assertEquals("OUTPUT2", line.getString("TaxType"), line::toString);
    }
    assertMoney("25.07", shown.getJsonArray("LineItems").getJsonObject(0), "UnitAmount");
    assertMoney("76.33", preview.getJsonObject("totals"), "subTotal");
    assertMoney("11.44", preview.getJsonObject("totals"), "totalTax");
    assertMoney("87.77", preview.getJsonObject("totals"), "total");
    JsonObject bill = preview("purchase", purchase).getJsonObject("document");
    assertEquals("ACCPAY", bill.getString("Type"));
    assertEquals(supplierId, bill.getJsonObject("Contact").getString("ContactID"));
    // Perpetual inventory (the default method): purchases post to the inventory asset account.
    assertEquals("635", bill.getJsonArray("LineItems").getJsonObject(0).getString("AccountCode"));
    assertEquals("INPUT2", bill.getJsonArray("LineItems").getJsonObject(0).getString("TaxType"));

    JsonObject saleRun = fx.importAndWait("SALE", sale);
    JsonObject purchaseRun = fx.importAndWait("PURCHASE", purchase);
    JsonObject customerCreditRun = fx.importAndWait("CUSTOMER_CREDIT", customerCredit);
    JsonObject supplierCreditRun = fx.importAndWait("SUPPLIER_CREDIT", supplierCredit);

    JsonObject invoice =
        assertImportedDraft(
            fx, saleRun, "SALE", sale, "ACCREC", customerId, 3, "76.33", "11.44", "87.77");
    List<JsonObject> lines = invoice.getJsonArray("LineItems").getValuesAs(JsonObject.class);
    assertMoney("3.76", lines.get(0), "TaxAmount");
    assertMoney("3.84", lines.get(1), "TaxAmount");
    assertMoney("3.84", lines.get(2), "TaxAmount");
    assertImportedDraft(
        fx, purchaseRun, "PURCHASE", purchase, "ACCPAY", supplierId, 2, "44.98", "6.75", "51.73");
    // 10.00 → 1.50 and 3 × 3.35 = 10.05 → 1.51 (1.5075).
    assertImportedDraft(
        fx,
        customerCreditRun,
        "CUSTOMER_CREDIT",
        customerCredit,
        "ACCRECCREDIT",
        customerId,
        2,
        "20.05",
        "3.01",
        "23.06");
    assertImportedDraft(
        fx,
        supplierCreditRun,
        "SUPPLIER_CREDIT",
        supplierCredit,
        "ACCPAYCREDIT",
        supplierId,
        1,
        "13.05",
        "1.96",
        "15.01");

    // Imported and unchanged: nothing more to send.
    JsonObject after = preview("supplier-credit", supplierCredit);
    assertEquals("NONE", after.getString("action"));
    assertFalse(after.getBoolean("importable"));
    assertEquals("DRAFT", after.getJsonObject("xero").getString("status"));
  }

  @Test
  void inABatchXerosRefusalsFailAloneAndBlockedTransactionsAreNotSent() {
    ImportFixture fx = new ImportFixture(client).ready();
    String customer = uniqueId("CUS");
    String stranger = uniqueId("CUS"); // never linked
    String good = uniqueId("SO");
    String wrongAccount = uniqueId("SO");
    String duplicate = uniqueId("SO");
    String alsoGood = uniqueId("SO");
    String blocked = uniqueId("SO");
    fx.intake(
        document("SALE", good, 1, customer, DATE, new String[] {"2", "12.50"}),
        // Account 300 is an expense account: Xero refuses OUTPUT2 (income tax) on it, which only
        // Xero knows; LedgerBridge's checks pass it.
        withLine(
            document("SALE", wrongAccount, 1, customer, DATE, new String[] {"1", "40.00"}),
            "accountCode",
            "300"),
        // The same invoice number as the one before it in the batch: Xero keeps ACCREC numbers
        // unique.
        with(
            document("SALE", duplicate, 1, customer, DATE, new String[] {"1", "8.00"}),
            "number",
            "N-" + good),
        document("SALE", alsoGood, 1, customer, DATE, new String[] {"1", "99.99"}),
        // Unlinked contact, a tax code with no mapping, nothing to charge, and dated in the
        // period Xero has locked (the sandbox locks about five months back).
        withLine(
            document("SALE", blocked, 1, stranger, "2020-01-15", new String[] {"1", "0"}),
            "taxCode",
            "XYZ"));
    String customerId = fx.link(customer);

    // The preview names every reason the blocked one cannot go.
    JsonObject preview = preview("sale", blocked);
    assertFalse(preview.getBoolean("importable"));
    List<String> codes =
        preview.getJsonArray("blocking").getValuesAs(JsonObject.class).stream()
            .map(p -> p.getString("code"))
            .toList();
    assertTrue(codes.contains("CONTACT_NOT_LINKED"), codes::toString);
    assertTrue(codes.contains("TAX_CODE_UNMAPPED"), codes::toString);
    assertTrue(codes.contains("UNMAPPED_TAX_CODE"), codes::toString);
    assertTrue(codes.contains("ZERO_TOTAL"), codes::toString);
    assertTrue(codes.contains("LOCK_DATE"), codes::toString);

    JsonObject run =
        fx.await(
            fx.startImport(
                    "accountant", "SALE", List.of(good, wrongAccount, duplicate, alsoGood, blocked))
                .getInt("id"));

    JsonObject counts = run.getJsonObject("counts");
    assertEquals(5, counts.getInt("total"), run::toString);
    assertEquals(5, counts.getInt("done"), run::toString);
    assertEquals(2, counts.getInt("imported"), run::toString);
    assertEquals(2, counts.getInt("failed"), run::toString);
    assertEquals(1, counts.getInt("skipped"), run::toString);
    assertEquals(100, run.getInt("percent"), run::toString);

    assertImportedDraft(fx, run, "SALE", good, "ACCREC", customerId, 1, "25.00", "3.75", "28.75");
    assertImportedDraft(
        fx, run, "SALE", alsoGood, "ACCREC", customerId, 1, "99.99", "15.00", "114.99");

    assertOutcome("FAILED", run, wrongAccount);
    assertEquals(
        List.of("The TaxType code 'OUTPUT2' cannot be used with account code '300'."),
        messages(outcome(run, wrongAccount)));
    assertEquals("FAILED", fx.state("SALE", wrongAccount));
    assertEquals(List.of(), fx.inXero("invoices", "N-" + wrongAccount));

    assertOutcome("FAILED", run, duplicate);
    assertEquals(List.of("Invoice # must be unique."), messages(outcome(run, duplicate)));
    assertEquals("FAILED", fx.state("SALE", duplicate));
    List<JsonObject> numbered = fx.inXero("invoices", "N-" + good);
    assertEquals(1, numbered.size(), "only the first N-" + good + " was created");
    assertEquals(outcome(run, good).getString("xeroId"), numbered.get(0).getString("InvoiceID"));

    assertOutcome("SKIPPED", run, blocked);
    String skipped = String.join(" | ", messages(outcome(run, blocked)));
    assertTrue(skipped.contains("is not linked to a Xero contact"), skipped);
    assertTrue(skipped.contains("XYZ"), skipped);
    assertTrue(skipped.contains("zero"), skipped);
    assertTrue(skipped.contains("lock date"), skipped);
    assertFalse(outcome(run, blocked).containsKey("xeroId"));
    assertEquals("NOT_IMPORTED", fx.state("SALE", blocked));
    assertEquals(List.of(), fx.inXero("invoices", "N-" + blocked));
  }

  @Test
  void aChangedTransactionReplacesTheLinesOfItsDraftOrSubmittedDocument() {
    ImportFixture fx = new ImportFixture(client).ready();
    String customer = uniqueId("CUS");
    String sale = uniqueId("SO");
    String credit = uniqueId("CC");
    fx.intake(
        document(
            "SALE",
            sale,
            1,
            customer,
            DATE,
            new String[] {"1", "10.00"},
            new String[] {"2", "20.00"},
            new String[] {"3", "30.00"}),
        document("CUSTOMER_CREDIT", credit, 1, customer, DATE, new String[] {"1", "50.00"}));
    String customerId = fx.link(customer);
    String invoiceId = outcome(fx.importAndWait("SALE", sale), sale).getString("xeroId");
    String noteId =
        outcome(fx.importAndWait("CUSTOMER_CREDIT", credit), credit).getString("xeroId");
    fx.act("creditnotes", noteId, "submit");

    fx.intake(
        document(
            "SALE",
            sale,
            2,
            customer,
            DATE,
            new String[] {"4", "2.50"},
            new String[] {"1", "7.77"}),
        document(
            "CUSTOMER_CREDIT",
            credit,
            2,
            customer,
            DATE,
            new String[] {"1", "45.00"},
            new String[] {"2", "1.10"},
            new String[] {"1", "0.99"}));
    assertEquals("CHANGED", fx.state("SALE", sale));
    assertEquals("CHANGED", fx.state("CUSTOMER_CREDIT", credit));
    JsonObject preview = preview("sale", sale);
    assertEquals("UPDATE", preview.getString("action"));
    assertTrue(preview.getBoolean("importable"), preview::toString);
    assertEquals(invoiceId, preview.getJsonObject("document").getString("InvoiceID"));
    assertEquals(2, preview.getJsonObject("document").getJsonArray("LineItems").size());

    JsonObject saleRun = fx.importAndWait("SALE", sale);
    assertOutcome("UPDATED", saleRun, sale);
    assertEquals(invoiceId, outcome(saleRun, sale).getString("xeroId"));
    assertEquals(1, saleRun.getJsonObject("counts").getInt("updated"));
    // 10.00 + 7.77 = 17.77; tax 1.50 + 1.17 (1.1655) = 2.67.
    JsonObject invoice =
        assertDocument(fx, "invoices", sale, "ACCREC", customerId, 2, "17.77", "2.67", "20.44");
    assertEquals(invoiceId, invoice.getString("InvoiceID"));
    assertEquals("DRAFT", invoice.getString("Status"));
    List<JsonObject> lines = invoice.getJsonArray("LineItems").getValuesAs(JsonObject.class);
    assertMoney("4", lines.get(0), "Quantity");
    assertMoney("2.50", lines.get(0), "UnitAmount");
    assertMoney("7.77", lines.get(1), "UnitAmount");
    assertEquals("IMPORTED", fx.state("SALE", sale));

    JsonObject creditRun = fx.importAndWait("CUSTOMER_CREDIT", credit);
    assertOutcome("UPDATED", creditRun, credit);
    assertEquals("SUBMITTED", outcome(creditRun, credit).getString("xeroStatus"));
    // 45.00 + 2.20 + 0.99 = 48.19; tax 6.75 + 0.33 + 0.15 (0.1485) = 7.23.
    JsonObject note =
        assertDocument(
            fx, "creditnotes", credit, "ACCRECCREDIT", customerId, 3, "48.19", "7.23", "55.42");
    assertEquals(noteId, note.getString("CreditNoteID"));
    assertEquals("SUBMITTED", note.getString("Status"));
    assertEquals("IMPORTED", fx.state("CUSTOMER_CREDIT", credit));
  }

  @Test
  void anApprovedDocumentIsLeftAloneThenVoidedForANewVersionOrFixedByHand() {
    ImportFixture fx = new ImportFixture(client).ready();
    String customer = uniqueId("CUS");
    String approved = uniqueId("SO");
    String paid = uniqueId("SO");
    String draft = uniqueId("SO");
    fx.intake(
        document("SALE", approved, 1, customer, DATE, new String[] {"2", "10.00"}),
        document("SALE", paid, 1, customer, DATE, new String[] {"1", "30.00"}),
        document("SALE", draft, 1, customer, DATE, new String[] {"1", "5.00"}));
    String customerId = fx.link(customer);
    JsonObject first = fx.importAndWait("SALE", approved, paid, draft);
    String approvedId = outcome(first, approved).getString("xeroId");
    String paidId = outcome(first, paid).getString("xeroId");
    fx.act("invoices", approvedId, "approve");
    fx.act("invoices", paidId, "approve");

    // The source changes; Xero's documents are approved: nothing is sent.
    fx.intake(
        document(
            "SALE",
            approved,
            2,
            customer,
            DATE,
            new String[] {"2", "10.00"},
            new String[] {"1", "4.00"}),
        document("SALE", paid, 2, customer, DATE, new String[] {"1", "33.00"}));
    JsonObject second = fx.importAndWait("SALE", approved, paid);
    for (String id : List.of(approved, paid)) {
      assertOutcome("SKIPPED", second, id);
      String message = String.join(" ", messages(outcome(second, id)));
      assertTrue(message.contains("will not change it"), message);
      assertEquals("APPROVED_IN_XERO", fx.state("SALE", id));
    }
    JsonObject unchanged = one(fx, "invoices", "N-" + approved);
    assertEquals("AUTHORISED", unchanged.getString("Status"));
    assertEquals(1, unchanged.getJsonArray("LineItems").size());
    assertMoney("23.00", unchanged, "Total");
    assertMoney("34.50", one(fx, "invoices", "N-" + paid), "Total");

    // Void and import as a new version.
    HttpResponse<String> started =
        client.as(
            "accountant",
            "POST",
            "api/v1/transactions/sale/" + approved + "/void-and-reimport",
            null);
    assertStatus(202, started);
    JsonObject run = fx.await(json(started).getInt("id"));
    assertOutcome("IMPORTED", run, approved);
    assertEquals("N-" + approved + "-v2", outcome(run, approved).getString("xeroNumber"));
    assertEquals("VOIDED", one(fx, "invoices", "N-" + approved).getString("Status"));
    JsonObject newVersion =
        assertDocument(
            fx, "invoices", approved + "-v2", "ACCREC", customerId, 2, "24.00", "3.60", "27.60");
    assertEquals(outcome(run, approved).getString("xeroId"), newVersion.getString("InvoiceID"));
    assertEquals("IMPORTED", fx.state("SALE", approved));
    JsonObject xero = xero("sale", approved).getJsonObject("xero");
    assertEquals(2, xero.getInt("version"));
    assertEquals(approvedId, xero.getString("previousXeroId"));
    assertEquals(newVersion.getString("InvoiceID"), xero.getString("xeroId"));
    assertEquals("DRAFT", xero.getString("status"));

    // Paid in Xero meanwhile: Xero does not allow voiding it; nothing changes.
    fx.act("invoices", paidId, "pay");
    JsonObject refused =
        assertProblem(
            409,
            client.as(
                "accountant",
                "POST",
                "api/v1/transactions/sale/" + paid + "/void-and-reimport",
                null));
    assertTrue(refused.getString("detail").contains("PAID"), refused::toString);
    assertTrue(refused.getString("detail").contains("fixed by hand"), refused::toString);
    assertEquals("PAID", one(fx, "invoices", "N-" + paid).getString("Status"));
    assertEquals(List.of(), fx.inXero("invoices", "N-" + paid + "-v2"));
    assertEquals("APPROVED_IN_XERO", fx.state("SALE", paid));
    assertEquals(1, xero("sale", paid).getJsonObject("xero").getInt("version"));

    // Fixed by hand instead, and audited; a draft is no such case.
    assertStatus(
        204,
        client.as("accountant", "POST", "api/v1/transactions/sale/" + paid + "/fixed-by-hand", ""));
    JsonObject audit =
        json(
            client.as(
                "viewer",
                "GET",
                "api/v1/audit"
                    + LedgerBridgeClient.query(
                        "action", "transaction.fixed-by-hand", "subject", "SALE/" + paid),
                null));
    assertEquals(1, audit.getInt("total"), audit::toString);
    JsonObject entry = audit.getJsonArray("items").getJsonObject(0);
    assertEquals("accountant", entry.getString("actor"));
    assertEquals("SALE/" + paid, entry.getString("subject"));
    assertEquals("accountant", xero("sale", paid).getJsonObject("xero").getString("fixedBy"));
    assertEquals("APPROVED_IN_XERO", fx.state("SALE", paid));
    assertProblem(
        409,
        client.as(
            "accountant", "POST", "api/v1/transactions/sale/" + draft + "/fixed-by-hand", ""));
    assertProblem(
        409,
        client.as(
            "accountant", "POST", "api/v1/transactions/sale/" + draft + "/void-and-reimport", ""));
    assertEquals("DRAFT", one(fx, "invoices", "N-" + draft).getString("Status"));
    assertEquals("IMPORTED", fx.state("SALE", draft));
  }

  @Test
  void refreshReadsBackApprovedPaidVoidedAndDeletedAndDeletedOnesImportAgain() {
    ImportFixture fx = new ImportFixture(client).ready();
    String customer = uniqueId("CUS");
    String approved = uniqueId("SO");
    String paid = uniqueId("SO");
    String voided = uniqueId("SO");
    String deleted = uniqueId("SO");
    String untouched = uniqueId("SO");
    String deletedUnseen = uniqueId("SO");
    List<String> all = List.of(approved, paid, voided, deleted, untouched, deletedUnseen);
    for (String id : all) {
      fx.intake(document("SALE", id, 1, customer, DATE, new String[] {"1", "12.00"}));
    }
    String supplier = uniqueId("SUP");
    String note = uniqueId("SC");
    fx.intake(document("SUPPLIER_CREDIT", note, 1, supplier, DATE, new String[] {"1", "8.00"}));
    fx.link(customer);
    String supplierId = fx.link(supplier);
    JsonObject imported = fx.importAndWait("SALE", all.toArray(String[]::new));
    String noteId = outcome(fx.importAndWait("SUPPLIER_CREDIT", note), note).getString("xeroId");
    fx.act("creditnotes", noteId, "approve");
    fx.act("invoices", outcome(imported, approved).getString("xeroId"), "approve");
    fx.act("invoices", outcome(imported, paid).getString("xeroId"), "approve");
    fx.act("invoices", outcome(imported, paid).getString("xeroId"), "pay");
    fx.act("invoices", outcome(imported, voided).getString("xeroId"), "approve");
    fx.act("invoices", outcome(imported, voided).getString("xeroId"), "void");
    String deletedId = outcome(imported, deleted).getString("xeroId");
    fx.act("invoices", deletedId, "delete");

    JsonObject refresh = fx.refreshAndWait();
    assertEquals("REFRESH", refresh.getString("type"));
    assertEquals("DONE", refresh.getString("status"));
    assertFalse(refresh.containsKey("message"), refresh::toString);
    assertOutcome("UPDATED", refresh, approved);
    assertEquals("AUTHORISED", outcome(refresh, approved).getString("xeroStatus"));
    assertEquals("PAID", outcome(refresh, paid).getString("xeroStatus"));
    assertEquals("VOIDED", outcome(refresh, voided).getString("xeroStatus"));
    assertEquals("DELETED", outcome(refresh, deleted).getString("xeroStatus"));
    assertOutcome("SKIPPED", refresh, untouched);
    assertEquals("APPROVED_IN_XERO", fx.state("SALE", approved));
    assertEquals("APPROVED_IN_XERO", fx.state("SALE", paid));
    assertEquals("APPROVED_IN_XERO", fx.state("SALE", voided));
    assertEquals("NOT_IMPORTED", fx.state("SALE", deleted));
    assertEquals("IMPORTED", fx.state("SALE", untouched));
    assertOutcome("UPDATED", refresh, note);
    assertEquals("AUTHORISED", outcome(refresh, note).getString("xeroStatus"));
    assertEquals("APPROVED_IN_XERO", fx.state("SUPPLIER_CREDIT", note));

    // Deleted in Xero: imported again as a new document. The second one was deleted after the
    // refresh and changed at source: the import finds it deleted when it reads Xero before
    // updating, and creates it anew with the new content.
    String unseenId = outcome(imported, deletedUnseen).getString("xeroId");
    fx.act("invoices", unseenId, "delete");
    fx.intake(document("SALE", deletedUnseen, 2, customer, DATE, new String[] {"2", "12.00"}));
    assertEquals("CHANGED", fx.state("SALE", deletedUnseen));
    JsonObject again = fx.importAndWait("SALE", deleted, deletedUnseen);
    for (String id : List.of(deleted, deletedUnseen)) {
      assertOutcome("IMPORTED", again, id);
      String newId = outcome(again, id).getString("xeroId");
      assertNotEquals(outcome(imported, id).getString("xeroId"), newId);
      List<JsonObject> numbered = fx.inXero("invoices", "N-" + id);
      assertEquals(2, numbered.size());
      List<JsonObject> live =
          numbered.stream().filter(d -> !"DELETED".equals(d.getString("Status"))).toList();
      assertEquals(1, live.size(), numbered::toString);
      assertEquals(newId, live.get(0).getString("InvoiceID"));
      assertEquals("DRAFT", live.get(0).getString("Status"));
      assertEquals("IMPORTED", fx.state("SALE", id));
    }
    assertMoney("27.60", one(fx, "invoices", "N-" + deletedUnseen, "DRAFT"), "Total");

    // Voided in Xero already: a new version needs no void, just the import.
    HttpResponse<String> started =
        client.as(
            "accountant", "POST", "api/v1/transactions/sale/" + voided + "/void-and-reimport", "");
    assertStatus(202, started);
    JsonObject newVersion = fx.await(json(started).getInt("id"));
    assertOutcome("IMPORTED", newVersion, voided);
    assertEquals("N-" + voided + "-v2", outcome(newVersion, voided).getString("xeroNumber"));
    assertEquals("VOIDED", one(fx, "invoices", "N-" + voided).getString("Status"));
    assertEquals("DRAFT", one(fx, "invoices", "N-" + voided + "-v2").getString("Status"));
    assertEquals("IMPORTED", fx.state("SALE", voided));

    // An approved credit note is voided in Xero by LedgerBridge, and goes again as version 2.
    HttpResponse<String> noteStarted =
        client.as(
            "accountant",
            "POST",
            "api/v1/transactions/supplier-credit/" + note + "/void-and-reimport",
            "");
    assertStatus(202, noteStarted);
    JsonObject noteRun = fx.await(json(noteStarted).getInt("id"));
    assertOutcome("IMPORTED", noteRun, note);
    assertEquals("VOIDED", one(fx, "creditnotes", "N-" + note).getString("Status"));
    JsonObject noteV2 =
        assertDocument(
            fx, "creditnotes", note + "-v2", "ACCPAYCREDIT", supplierId, 1, "8.00", "1.20", "9.20");
    assertEquals("DRAFT", noteV2.getString("Status"));
    assertEquals(noteV2.getString("CreditNoteID"), outcome(noteRun, note).getString("xeroId"));
    assertEquals("IMPORTED", fx.state("SUPPLIER_CREDIT", note));
    JsonObject noteXero = xero("supplier-credit", note).getJsonObject("xero");
    assertEquals(2, noteXero.getInt("version"));
    assertEquals(noteId, noteXero.getString("previousXeroId"));
  }

  @Test
  void doNotImportIsSkippedAndClearingItReturnsToTheXeroState() {
    ImportFixture fx = new ImportFixture(client).ready();
    String customer = uniqueId("CUS");
    String fresh = uniqueId("SO");
    String inXero = uniqueId("SO");
    fx.intake(
        document("SALE", fresh, 1, customer, DATE, new String[] {"1", "9.00"}),
        document("SALE", inXero, 1, customer, DATE, new String[] {"1", "19.00"}));
    fx.link(customer);
    fx.importAndWait("SALE", inXero);

    assertEquals("DO_NOT_IMPORT", doNotImport(fresh, true));
    assertEquals("DO_NOT_IMPORT", fx.state("SALE", fresh));
    assertEquals("DO_NOT_IMPORT", doNotImport(inXero, true));
    JsonObject run = fx.importAndWait("SALE", fresh, inXero);
    for (String id : List.of(fresh, inXero)) {
      assertOutcome("SKIPPED", run, id);
      assertTrue(messages(outcome(run, id)).contains("Marked Do Not Import."), run::toString);
    }
    assertEquals(List.of(), fx.inXero("invoices", "N-" + fresh));

    assertEquals("NOT_IMPORTED", doNotImport(fresh, false));
    assertEquals("NOT_IMPORTED", fx.state("SALE", fresh));
    assertEquals("IMPORTED", doNotImport(inXero, false));
    assertEquals("IMPORTED", fx.state("SALE", inXero));
    assertProblem(
        400,
        client.as(
            "accountant",
            "POST",
            "api/v1/transactions/sale/" + fresh + "/do-not-import",
            "{\"doNotImport\":\"yes\"}"));
    assertStatus(
        403,
        client.as(
            "viewer",
            "POST",
            "api/v1/transactions/sale/" + fresh + "/do-not-import",
            "{\"doNotImport\":true}"));
    assertEquals("NOT_IMPORTED", fx.state("SALE", fresh));
  }

  @Test
  void theImportRunsApiRefusesBadRequestsAndImportsByIdsOrFilter() throws Exception {
    ImportFixture fx = new ImportFixture(client).ready();
    String customer = uniqueId("CUS");
    String other = uniqueId("CUS");
    String a = uniqueId("SO");
    String b = uniqueId("SO");
    String notMatching = uniqueId("SO");
    fx.intake(
        document("SALE", a, 1, customer, DATE, new String[] {"1", "1.00"}),
        document("SALE", b, 1, customer, DATE, new String[] {"1", "2.00"}),
        document("SALE", notMatching, 1, other, DATE, new String[] {"1", "3.00"}));
    fx.link(customer);
    fx.link(other);
    String body = "{\"kind\":\"SALE\",\"sourceIds\":[\"" + a + "\"]}";

    assertStatus(403, client.as("viewer", "POST", "api/v1/import-runs", body));
    assertStatus(
        401,
        client.send(
            client
                .request("api/v1/import-runs")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    assertStatus(
        403,
        client.call(
            LedgerBridgeClient.bearer(LedgerBridgeClient.DEMO_TOKEN),
            "POST",
            "api/v1/import-runs",
            body));
    for (String bad :
        List.of(
            "{\"kind\":",
            "[]",
            "{\"sourceIds\":[\"" + a + "\"]}",
            "{\"kind\":\"INVOICE\",\"sourceIds\":[\"" + a + "\"]}",
            "{\"kind\":\"SALE\",\"sourceIds\":[]}",
            "{\"kind\":\"SALE\",\"sourceIds\":[1,2]}",
            "{\"kind\":\"SALE\",\"sourceIds\":\"" + a + "\"}",
            "{\"kind\":\"SALE\"}",
            "{\"kind\":\"SALE\",\"filter\":{\"from\":\"yesterday\"}}")) {
      JsonObject problem =
          assertProblem(400, client.as("accountant", "POST", "api/v1/import-runs", bad));
      assertFalse(problem.getString("detail", "").isBlank(), () -> bad + " → " + problem);
    }
    assertProblem(
        404,
        client.as(
            "accountant",
            "POST",
            "api/v1/import-runs",
            "{\"kind\":\"SALE\",\"sourceIds\":[\"" + uniqueId("NONE") + "\"]}"));
    assertProblem(404, client.as("viewer", "GET", "api/v1/import-runs/999999999", null));
    assertProblem(404, client.as("viewer", "GET", "api/v1/import-runs/abc", null));

    // Unknown ids are reported; the known one is imported.
    String unknown = uniqueId("NONE");
    JsonObject started = fx.startImport("accountant", "SALE", List.of(a, unknown));
    assertEquals(List.of(unknown), strings(started, "unknownSourceIds"));
    assertEquals(1, started.getJsonObject("counts").getInt("total"));
    JsonObject run = fx.await(started.getInt("id"));
    assertEquals(1, run.getJsonArray("documents").size());
    assertOutcome("IMPORTED", run, a);
    assertEquals(1, fx.inXero("invoices", "N-" + a).size());

    // Everything matching a filter: the text search on the contact code finds a and b; a is
    // already in Xero unchanged.
    HttpResponse<String> byFilter =
        client.as(
            "accountant",
            "POST",
            "api/v1/import-runs",
            "{\"kind\":\"SALE\",\"filter\":{\"q\":\"" + customer.toLowerCase(Locale.ROOT) + "\"}}");
    assertStatus(202, byFilter);
    assertEquals(
        "/ledgerbridge/api/v1/import-runs/" + json(byFilter).getInt("id"),
        byFilter.headers().firstValue("Location").orElse(""),
        byFilter.headers()::toString);
    JsonObject filtered = fx.await(json(byFilter).getInt("id"));
    assertEquals(2, filtered.getJsonArray("documents").size(), filtered::toString);
    assertOutcome("SKIPPED", filtered, a);
    assertOutcome("IMPORTED", filtered, b);
    assertEquals(1, fx.inXero("invoices", "N-" + a).size());
    assertEquals(1, fx.inXero("invoices", "N-" + b).size());
    assertEquals(List.of(), fx.inXero("invoices", "N-" + notMatching));
    assertEquals("NOT_IMPORTED", fx.state("SALE", notMatching));

    // Outcome filter and the run list.
    JsonObject onlyImported =
        json(
            client.as(
                "viewer",
                "GET",
                "api/v1/import-runs/" + filtered.getInt("id") + "?outcome=imported",
                null));
    assertEquals(1, onlyImported.getJsonArray("documents").size());
    assertEquals(b, onlyImported.getJsonArray("documents").getJsonObject(0).getString("sourceId"));
    JsonObject runs = json(client.as("viewer", "GET", "api/v1/import-runs", null));
    assertEquals(filtered.getInt("id"), runs.getJsonArray("runs").getJsonObject(0).getInt("id"));

    // The run's Location is never taken from the Host header, which the client chooses.
    String accountant =
        java.util.Base64.getEncoder()
            .encodeToString("accountant:accountant".getBytes(StandardCharsets.UTF_8));
    try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket
          .getOutputStream()
          .write(
              ("POST /ledgerbridge/api/v1/import-runs HTTP/1.1\r\nHost: evil.example\r\n"
                      + "Authorization: Basic "
                      + accountant
                      + "\r\nContent-Type: application/json\r\nContent-Length: "
                      + body.length()
                      + "\r\nConnection: close\r\n\r\n"
                      + body)
                  .getBytes(StandardCharsets.US_ASCII));
      String answer =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertTrue(answer.startsWith("HTTP/1.1 202"), answer);
      String location =
          answer
              .lines()
              .filter(l -> l.regionMatches(true, 0, "Location:", 0, 9))
              .findFirst()
              .orElseThrow(() -> new AssertionError(answer));
      assertTrue(location.matches("(?i)Location: /ledgerbridge/api/v1/import-runs/\\d+"), location);
      assertOutcome(
          "SKIPPED", fx.await(Integer.parseInt(location.replaceAll("^.*/", "").trim())), a);
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  private JsonObject preview(String kind, String sourceId) {
    HttpResponse<String> response =
        client.as(
            "viewer", "GET", "api/v1/transactions/" + kind + "/" + sourceId + "/preview", null);
    assertStatus(200, response);
    return json(response);
  }

  private JsonObject xero(String kind, String sourceId) {
    HttpResponse<String> response =
        client.as("viewer", "GET", "api/v1/transactions/" + kind + "/" + sourceId + "/xero", null);
    assertStatus(200, response);
    return json(response);
  }

  private String doNotImport(String sourceId, boolean on) {
    HttpResponse<String> response =
        client.as(
            "accountant",
            "POST",
            "api/v1/transactions/sale/" + sourceId + "/do-not-import",
            "{\"doNotImport\":" + on + "}");
    assertStatus(200, response);
    return json(response).getString("state");
  }

  /**
   * The run imported the transaction as a DRAFT, the sandbox holds exactly that one document with
   * these figures, and the transaction is IMPORTED.
   */
  private static JsonObject assertImportedDraft(
      ImportFixture fx,
      JsonObject run,
      String kind,
      String sourceId,
      String type,
      String contactId,
      int lines,
      String subTotal,
      String totalTax,
      String total) {
    assertOutcome("IMPORTED", run, sourceId);
    String collection = type.endsWith("CREDIT") ? "creditnotes" : "invoices";
    JsonObject doc =
        assertDocument(fx, collection, sourceId, type, contactId, lines, subTotal, totalTax, total);
    assertEquals("DRAFT", doc.getString("Status"));
    JsonObject outcome = outcome(run, sourceId);
    assertEquals(
        doc.getString(collection.equals("invoices") ? "InvoiceID" : "CreditNoteID"),
        outcome.getString("xeroId"));
    assertEquals("N-" + sourceId, outcome.getString("xeroNumber"));
    assertEquals("DRAFT", outcome.getString("xeroStatus"));
    assertEquals("IMPORTED", fx.state(kind, sourceId));
    return doc;
  }

  /** The one document numbered "N-" + suffix in the sandbox, with these figures. */
  private static JsonObject assertDocument(
      ImportFixture fx,
      String collection,
      String suffix,
      String type,
      String contactId,
      int lines,
      String subTotal,
      String totalTax,
      String total) {
    List<JsonObject> live =
        fx.inXero(collection, "N-" + suffix).stream()
            .filter(d -> !"VOIDED".equals(d.getString("Status")))
            .toList();
    assertEquals(1, live.size(), () -> "N-" + suffix + ": " + live);
    JsonObject doc = live.get(0);
    assertEquals(type, doc.getString("Type"));
    assertEquals(contactId, doc.getJsonObject("Contact").getString("ContactID"));
    assertTrue(doc.getString("DateString", "").startsWith(DATE), doc::toString);
    assertEquals(lines, doc.getJsonArray("LineItems").size(), doc::toString);
    assertMoney(subTotal, doc, "SubTotal");
    assertMoney(totalTax, doc, "TotalTax");
    assertMoney(total, doc, "Total");
    return doc;
  }

  private static JsonObject one(ImportFixture fx, String collection, String number) {
    List<JsonObject> docs = fx.inXero(collection, number);
    assertEquals(1, docs.size(), () -> number + ": " + docs);
    return docs.get(0);
  }

  /** The one document with this number and status. */
  private static JsonObject one(ImportFixture fx, String collection, String number, String status) {
    List<JsonObject> docs =
        fx.inXero(collection, number).stream()
            .filter(d -> status.equals(d.getString("Status")))
            .toList();
    assertEquals(1, docs.size(), () -> number + " " + status + ": " + docs);
    return docs.get(0);
  }

  private static void assertMoney(String expected, JsonObject json, String field) {
    BigDecimal actual = json.getJsonNumber(field).bigDecimalValue();
    assertEquals(
        0, new BigDecimal(expected).compareTo(actual), () -> field + " " + actual + " in " + json);
  }

  private static List<String> messages(JsonObject outcome) {
    return strings(outcome, "messages");
  }

  private static List<String> strings(JsonObject json, String field) {
    return json.getJsonArray(field).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }
}
