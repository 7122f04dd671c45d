package io.ledgerbridge.imports;

import static io.ledgerbridge.testing.ImportFixture.assertOutcome;
import static io.ledgerbridge.testing.ImportFixture.document;
import static io.ledgerbridge.testing.ImportFixture.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ledgerbridge.testing.ImportFixture;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import io.ledgerbridge.testing.TestTransactions;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Import into the sandbox over the REST API, checked by what reached "Xero". */
class ImportIT extends LedgerBridgeDeployment {

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
}
