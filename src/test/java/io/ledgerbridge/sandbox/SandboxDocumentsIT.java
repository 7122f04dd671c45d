package io.ledgerbridge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.testing.LedgerBridgeClient;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's Invoices, CreditNotes (with Allocations) and Payments over HTTP, asserting what
 * Xero would answer (xero-api.md §4–6, §10–11, §16).
 */
class SandboxDocumentsIT extends LedgerBridgeDeployment {

  private static final String API = "sandbox/api.xro/2.0/";
  private static final String TODAY = LocalDate.now(ZoneId.of("Pacific/Auckland")).toString();

  @Test
  void taxIsRoundedPerLineAndInclusiveAmountsHoldTheirTax() {
    String token = token();
    String body =
        "{\"Invoices\":[{\"Type\":\"ACCREC\",\"Contact\":{\"Name\":\"Mt Eden Books\"},"
            + "\"Status\":\"AUTHORISED\",\"DueDate\":\""
            + TODAY
            + "\",\"LineAmountTypes\":\"Exclusive\",\"LineItems\":["
            + line("A", "1", "25.09", "200", "OUTPUT2")
            + ","
            + line("B", "1", "25.63", "200", "OUTPUT2")
            + ","
            + line("C", "1", "25.63", "200", "OUTPUT2")
            + "]},"
            + "{\"Type\":\"ACCPAY\",\"Contact\":{\"Name\":\"Kiwi Office Supplies Limited\"},"
            + "\"LineAmountTypes\":\"Inclusive\",\"LineItems\":["
            + line("Paper", "1", "50", "300", "INPUT2")
            + ","
            + line("Desk", "2", "210", "300", "INPUT2")
            + "]}]}";

    HttpResponse<String> response = api("PUT", token, "Invoices", body);

    assertEquals(200, response.statusCode(), response.body());
    JsonArray invoices = LedgerBridgeClient.json(response).getJsonArray("Invoices");
    JsonObject sale = invoices.getJsonObject(0);
    assertEquals("OK", sale.getString("StatusAttributeString"));
    assertEquals("AUTHORISED", sale.getString("Status"));
    assertTrue(sale.getString("InvoiceNumber").matches("INV-\\d{4}"), sale.toString());
    JsonArray lines = sale.getJsonArray("LineItems");
    assertEquals("3.76", num(lines.getJsonObject(0), "TaxAmount"));
    assertEquals("3.84", num(lines.getJsonObject(1), "TaxAmount"));
    assertEquals("3.84", num(lines.getJsonObject(2), "TaxAmount"));
    assertEquals("1.0000", num(lines.getJsonObject(0), "Quantity"));
    assertEquals("25.09", num(lines.getJsonObject(0), "UnitAmount"));
    assertEquals("76.35", num(sale, "SubTotal"));
    assertEquals("11.44", num(sale, "TotalTax"));
    assertEquals("87.79", num(sale, "Total"));
    assertEquals("87.79", num(sale, "AmountDue"));
    assertEquals("0.00", num(sale, "AmountPaid"));
    assertEquals("1.000000", num(sale, "CurrencyRate"));
    assertTrue(sale.getString("Date").matches("/Date\\(\\d+\\+0000\\)/"), sale.toString());
    assertEquals(TODAY + "T00:00:00", sale.getString("DateString"));
    assertEquals("NZD", sale.getString("CurrencyCode"));

    JsonObject bill = invoices.getJsonObject(1);
    assertEquals("DRAFT", bill.getString("Status"));
    assertEquals("", bill.getString("InvoiceNumber"));
    assertEquals("6.52", num(bill.getJsonArray("LineItems").getJsonObject(0), "TaxAmount"));
    assertEquals("54.78", num(bill.getJsonArray("LineItems").getJsonObject(1), "TaxAmount"));
    assertEquals("408.70", num(bill, "SubTotal"));
    assertEquals("61.30", num(bill, "TotalTax"));
    assertEquals("470.00", num(bill, "Total"));

    // unitdp=4 keeps four decimals of the unit amount.
    HttpResponse<String> precise =
        api(
            "PUT",
            token,
            "Invoices?unitdp=4",
            "{\"Invoices\":[{\"Type\":\"ACCPAY\",\"Contact\":{\"Name\":\"Mt Eden Books\"},"
                + "\"LineItems\":["
                + line("Screws", "3", "1.2345", "300", "INPUT2")
                + "]}]}");
    assertEquals(200, precise.statusCode(), precise.body());
    JsonObject preciseLine =
        LedgerBridgeClient.json(precise)
            .getJsonArray("Invoices")
            .getJsonObject(0)
            .getJsonArray("LineItems")
            .getJsonObject(0);
    assertEquals("1.2345", num(preciseLine, "UnitAmount"));
    assertEquals("3.70", num(preciseLine, "LineAmount"));
  }

  @Test
  void accrecNumbersAreUniqueAccpayNumbersAreNot() {
    String token = token();
    String number = "SO-" + UUID.randomUUID().toString().substring(0, 8);
    String sale = invoice("ACCREC", number, "AUTHORISED", line("W", "1", "10", "200", "OUTPUT2"));
    assertEquals(200, api("PUT", token, "Invoices", wrap(sale)).statusCode());

    HttpResponse<String> duplicate = api("PUT", token, "Invoices", wrap(sale));

    assertEquals(400, duplicate.statusCode(), duplicate.body());
    JsonObject error = LedgerBridgeClient.json(duplicate);
    assertEquals("ValidationException", error.getString("Type"));
    JsonObject element = error.getJsonArray("Elements").getJsonObject(0);
    assertTrue(element.getBoolean("HasErrors"));
    assertEquals("Invoice # must be unique.", message(element, 0));

    String bill = invoice("ACCPAY", number, "AUTHORISED", line("W", "1", "10", "300", "INPUT2"));
    assertEquals(200, api("PUT", token, "Invoices", wrap(bill)).statusCode());
    assertEquals(200, api("PUT", token, "Invoices", wrap(bill)).statusCode());

    String cnNumber = "RCN-" + UUID.randomUUID().toString().substring(0, 8);
    String credit =
        "{\"CreditNotes\":[{\"Type\":\"ACCRECCREDIT\",\"CreditNoteNumber\":\""
            + cnNumber
            + "\",\"Contact\":{\"Name\":\"Mt Eden Books\"},\"LineItems\":["
            + line("W", "1", "10", "200", "OUTPUT2")
            + "]}]}";
    assertEquals(200, api("PUT", token, "CreditNotes", credit).statusCode());
    HttpResponse<String> dupCredit = api("PUT", token, "CreditNotes", credit);
    assertEquals(400, dupCredit.statusCode(), dupCredit.body());
  }

  @Test
  void summarizeErrorsBothWays() {
    String token = token();
    String first = "SE-" + UUID.randomUUID().toString().substring(0, 8);
    String noContact =
        "{\"Type\":\"ACCREC\",\"LineItems\":[" + line("W", "1", "10", "200", "OUTPUT2") + "]}";
    String body =
        "{\"Invoices\":["
            + invoice("ACCREC", first, "DRAFT", line("W", "1", "10", "200", "OUTPUT2"))
            + ","
            + noContact
            + "]}";

    HttpResponse<String> summarized = api("PUT", token, "Invoices", body);

    assertEquals(400, summarized.statusCode(), summarized.body());
    JsonArray elements = LedgerBridgeClient.json(summarized).getJsonArray("Elements");
    assertEquals(1, elements.size());
    assertEquals("ERROR", elements.getJsonObject(0).getString("StatusAttributeString"));
    assertEquals(
        "A Contact must be specified for this type of transaction",
        message(elements.getJsonObject(0), 0));
    // The valid element was created all the same.
    JsonArray created =
        LedgerBridgeClient.json(api("GET", token, "Invoices?InvoiceNumbers=" + first, null))
            .getJsonArray("Invoices");
    assertEquals(1, created.size());

    String second = "SE-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> all =
        api(
            "PUT",
            token,
            "Invoices?summarizeErrors=false",
            "{\"Invoices\":["
                + invoice("ACCREC", second, "DRAFT", line("W", "1", "10", "200", "OUTPUT2"))
                + ","
                + noContact
                + "]}");
    assertEquals(200, all.statusCode(), all.body());
    JsonArray invoices = LedgerBridgeClient.json(all).getJsonArray("Invoices");
    assertEquals(2, invoices.size());
    assertEquals("OK", invoices.getJsonObject(0).getString("StatusAttributeString"));
    assertEquals(second, invoices.getJsonObject(0).getString("InvoiceNumber"));
    assertEquals("ERROR", invoices.getJsonObject(1).getString("StatusAttributeString"));
    assertTrue(invoices.getJsonObject(1).getBoolean("HasErrors"));
  }

  @Test
  void validationMessagesAsXeroSendsThem() {
    String token = token();
    String ok = line("W", "1", "10", "200", "OUTPUT2");
    List<String> elements =
        List.of(
            // 0: archived contact
            "{\"Type\":\"ACCREC\",\"Contact\":{\"Name\":\"Aroha Design Studio\"},\"LineItems\":["
                + ok
                + "]}",
            // 1: archived account
            invoice("ACCREC", null, "DRAFT", line("W", "1", "10", "499", "OUTPUT2")),
            // 2: unknown account
            invoice("ACCREC", null, "DRAFT", line("W", "1", "10", "999", "OUTPUT2")),
            // 3: discount on a bill
            invoice(
                "ACCPAY",
                null,
                "DRAFT",
                "{\"Description\":\"W\",\"Quantity\":1,\"UnitAmount\":10,\"AccountCode\":\"300\","
                    + "\"TaxType\":\"INPUT2\",\"DiscountRate\":10}"),
            // 4: tax rate not for revenue accounts
            invoice("ACCREC", null, "DRAFT", line("W", "1", "10", "200", "INPUT2")),
            // 5: unknown tax type
            invoice("ACCREC", null, "DRAFT", line("W", "1", "10", "200", "GST99")),
            // 6: currency not enabled
            "{\"Type\":\"ACCREC\",\"CurrencyCode\":\"EUR\",\"Contact\":{\"Name\":\"Mt Eden Books\"},"
                + "\"LineItems\":["
                + ok
                + "]}",
            // 7: in the locked period
            "{\"Type\":\"ACCREC\",\"Status\":\"AUTHORISED\",\"Date\":\"2001-01-31\","
                + "\"Contact\":{\"Name\":\"Mt Eden Books\"},\"LineItems\":["
                + ok
                + "]}",
            // 8: no lines, no type
            "{\"Contact\":{\"Name\":\"Mt Eden Books\"},\"LineItems\":[]}",
            // 9: approving without an account
            invoice(
                "ACCREC",
                null,
                "AUTHORISED",
                "{\"Description\":\"W\",\"Quantity\":1,\"UnitAmount\":10}"),
            // 10: a draft may have an incomplete line
            invoice("ACCREC", null, "DRAFT", "{\"Description\":\"Only a description\"}"),
            // 11: three tracking entries, and an unknown option
            invoice(
                "ACCREC",
                null,
                "DRAFT",
                "{\"Description\":\"W\",\"Quantity\":1,\"UnitAmount\":10,\"AccountCode\":\"200\","
                    + "\"Tracking\":[{\"Name\":\"Region\",\"Option\":\"Auckland\"},"
                    + "{\"Name\":\"Sales Channel\",\"Option\":\"Mars\"},"
                    + "{\"Name\":\"Region\",\"Option\":\"Online\"}]}"));

    HttpResponse<String> response =
        api(
            "PUT",
            token,
            "Invoices?summarizeErrors=false",
            "{\"Invoices\":[" + String.join(",", elements) + "]}");

    assertEquals(200, response.statusCode(), response.body());
    JsonArray out = LedgerBridgeClient.json(response).getJsonArray("Invoices");
    assertTrue(
        message(out.getJsonObject(0), 0).contains("archived"), out.getJsonObject(0).toString());
    assertEquals(
        "Account code '499' has been archived, or has been deleted. Each line item must reference"
            + " a valid account.",
        message(out.getJsonObject(1), 0));
    assertEquals(
        "Account code '999' is not a valid code for this document.",
        message(out.getJsonObject(2), 0));
    assertEquals("ERROR", out.getJsonObject(3).getString("StatusAttributeString"));
    assertEquals(
        "Discounts are only supported on ACCREC invoices (sales invoices).",
        message(out.getJsonObject(3), 0));
    assertEquals(
        "The TaxType code 'INPUT2' cannot be used with account code '200'.",
        message(out.getJsonObject(4), 0));
    assertEquals("The TaxType code 'GST99' is not valid", message(out.getJsonObject(5), 0));
    assertEquals(
        "Organisation is not subscribed to currency EUR", message(out.getJsonObject(6), 0));
    assertTrue(
        message(out.getJsonObject(7), 0)
            .startsWith(
                "The document date cannot be before the period lock date, currently set at"),
        out.getJsonObject(7).toString());
    assertTrue(messages(out.getJsonObject(8)).contains("Invoice Type must be specified"));
    assertTrue(messages(out.getJsonObject(8)).contains("One or more line items must be specified"));
    assertEquals("Account code or ID must be specified", message(out.getJsonObject(9), 0));
    assertEquals("OK", out.getJsonObject(10).getString("StatusAttributeString"));
    assertEquals("ERROR", out.getJsonObject(11).getString("StatusAttributeString"));
    assertEquals(2, messages(out.getJsonObject(11)).size(), out.getJsonObject(11).toString());
    for (int i = 0; i < out.size(); i++) {
      if (i != 10) {
        assertEquals(
            "00000000-0000-0000-0000-000000000000", out.getJsonObject(i).getString("InvoiceID"));
      }
    }
  }

  @Test
  void statusTransitionsPaymentsAndVoiding() {
    String token = token();
    JsonObject draft =
        created(
            api(
                "PUT",
                token,
                "Invoices",
                wrap(invoice("ACCREC", null, "DRAFT", line("W", "2", "50", "200", "OUTPUT2")))));
    String id = draft.getString("InvoiceID");
    assertEquals("SUBMITTED", update(token, id, "{\"Status\":\"SUBMITTED\"}").getString("Status"));
    assertEquals("DRAFT", update(token, id, "{\"Status\":\"DRAFT\"}").getString("Status"));
    assertEquals(
        "AUTHORISED", update(token, id, "{\"Status\":\"AUTHORISED\"}").getString("Status"));
    HttpResponse<String> back = api("POST", token, "Invoices/" + id, "{\"Status\":\"DRAFT\"}");
    assertEquals(400, back.statusCode(), back.body());
    assertEquals(
        "Invoice not of valid status for modification",
        message(LedgerBridgeClient.json(back).getJsonArray("Elements").getJsonObject(0), 0));

    // Payments: only on AUTHORISED, not more than AmountDue; PAID when nothing is due.
    HttpResponse<String> onDraft = pay(token, other(token), "1.00");
    assertEquals(400, onDraft.statusCode(), onDraft.body());
    assertEquals(
        "Payments can only be made against Authorised documents",
        message(LedgerBridgeClient.json(onDraft).getJsonArray("Elements").getJsonObject(0), 0));
    HttpResponse<String> tooMuch = pay(token, id, "200.00");
    assertEquals(400, tooMuch.statusCode(), tooMuch.body());
    HttpResponse<String> part = pay(token, id, "15.00");
    assertEquals(200, part.statusCode(), part.body());
    JsonObject payment = LedgerBridgeClient.json(part).getJsonArray("Payments").getJsonObject(0);
    assertEquals("15.00", num(payment, "Amount"));
    JsonObject partPaid = get(token, "Invoices/" + id);
    assertEquals("15.00", num(partPaid, "AmountPaid"));
    assertEquals("100.00", num(partPaid, "AmountDue"));
    HttpResponse<String> voiding = api("POST", token, "Invoices/" + id, "{\"Status\":\"VOIDED\"}");
    assertEquals(400, voiding.statusCode(), voiding.body());
    assertTrue(
        message(LedgerBridgeClient.json(voiding).getJsonArray("Elements").getJsonObject(0), 0)
            .contains("has a payment or credit note allocated to it"));
    assertEquals(200, pay(token, id, "100.00").statusCode());
    JsonObject paid = get(token, "Invoices/" + id);
    assertEquals("PAID", paid.getString("Status"));
    assertEquals("0.00", num(paid, "AmountDue"));
    assertEquals("115.00", num(paid, "AmountPaid"));
    assertEquals(2, paid.getJsonArray("Payments").size());
    assertEquals(
        400, api("POST", token, "Invoices/" + id, "{\"Reference\":\"late\"}").statusCode());
    // A part-paid sale may still change its Reference; a part-paid bill may not.
    JsonObject sale =
        created(
            api(
                "PUT",
                token,
                "Invoices",
                wrap(
                    invoice(
                        "ACCREC", null, "AUTHORISED", line("W", "1", "50", "200", "OUTPUT2")))));
    assertEquals(200, pay(token, sale.getString("InvoiceID"), "5.00").statusCode());
    assertEquals(
        "Ref 2",
        update(token, sale.getString("InvoiceID"), "{\"Reference\":\"Ref 2\"}")
            .getString("Reference"));
    JsonObject bill =
        created(
            api(
                "PUT",
                token,
                "Invoices",
                wrap(
                    invoice("ACCPAY", null, "AUTHORISED", line("W", "1", "50", "300", "INPUT2")))));
    assertEquals(200, pay(token, bill.getString("InvoiceID"), "5.00").statusCode());
    assertEquals(
        400,
        api("POST", token, "Invoices/" + bill.getString("InvoiceID"), "{\"Reference\":\"x\"}")
            .statusCode());

    // A draft may be deleted; an unpaid AUTHORISED invoice may be voided, not deleted.
    JsonObject other =
        created(
            api(
                "PUT",
                token,
                "Invoices",
                wrap(invoice("ACCREC", null, "DRAFT", line("W", "1", "5", "200", "OUTPUT2")))));
    assertEquals(
        "DELETED",
        update(token, other.getString("InvoiceID"), "{\"Status\":\"DELETED\"}")
            .getString("Status"));
    JsonObject approved =
        created(
            api(
                "PUT",
                token,
                "Invoices",
                wrap(
                    invoice("ACCREC", null, "AUTHORISED", line("W", "1", "5", "200", "OUTPUT2")))));
    String approvedId = approved.getString("InvoiceID");
    assertEquals(
        400, api("POST", token, "Invoices/" + approvedId, "{\"Status\":\"DELETED\"}").statusCode());
    assertEquals(
        "VOIDED", update(token, approvedId, "{\"Status\":\"VOIDED\"}").getString("Status"));
    // Payments on a voided invoice are refused.
    assertEquals(400, pay(token, approvedId, "1.00").statusCode());
  }

  @Test
  void updateReplacesLeftOutLinesAndKeepsLinesWhenNoneAreSent() {
    String token = token();
    String number = "LN-" + UUID.randomUUID().toString().substring(0, 8);
    JsonObject draft =
        created(
            api(
                "PUT",
                token,
                "Invoices",
                wrap(
                    invoice(
                        "ACCREC",
                        number,
                        "DRAFT",
                        line("Keep", "1", "10", "200", "OUTPUT2")
                            + ","
                            + line("Drop", "1", "20", "200", "OUTPUT2")))));
    JsonArray lines = draft.getJsonArray("LineItems");
    String keepId = lines.getJsonObject(0).getString("LineItemID");
    String dropId = lines.getJsonObject(1).getString("LineItemID");

    // By InvoiceNumber in the path: the kept line updated, a new one added, the other deleted.
    HttpResponse<String> response =
        api(
            "POST",
            token,
            "Invoices/" + number,
            "{\"LineItems\":[{\"LineItemID\":\""
                + keepId
                + "\",\"Quantity\":3},"
                + line("New", "1", "7", "200", "OUTPUT2")
                + "]}");

    assertEquals(200, response.statusCode(), response.body());
    JsonObject updated = created(response);
    JsonArray now = updated.getJsonArray("LineItems");
    assertEquals(2, now.size());
    assertEquals(keepId, now.getJsonObject(0).getString("LineItemID"));
    assertEquals("Keep", now.getJsonObject(0).getString("Description"));
    assertEquals("30.00", num(now.getJsonObject(0), "LineAmount"));
    assertEquals("New", now.getJsonObject(1).getString("Description"));
    assertFalse(now.toString().contains(dropId));
    assertEquals("37.00", num(updated, "SubTotal"));
    assertEquals("5.55", num(updated, "TotalTax"));

    // No LineItems at all: lines untouched. POST in the array form, matched by InvoiceNumber.
    JsonObject referenced =
        created(
            api(
                "POST",
                token,
                "Invoices",
                "{\"Invoices\":[{\"Type\":\"ACCREC\",\"InvoiceNumber\":\""
                    + number
                    + "\",\"Reference\":\"Ref 1\"}]}"));
    assertEquals(draft.getString("InvoiceID"), referenced.getString("InvoiceID"));
    assertEquals("Ref 1", referenced.getString("Reference"));
    assertEquals(2, referenced.getJsonArray("LineItems").size());
    assertEquals("42.55", num(referenced, "Total"));
  }

  @Test
  void listsFilterAndPageAsXeroDoes() {
    String token = token();
    String tag = "PG" + UUID.randomUUID().toString().substring(0, 8);
    String contactId = null;
    for (int i = 0; i < 3; i++) {
      JsonObject bill =
          created(
              api(
                  "PUT",
                  token,
                  "Invoices",
                  wrap(
                      "{\"Type\":\"ACCPAY\",\"InvoiceNumber\":\""
                          + tag
                          + "-"
                          + i
                          + "\",\"Reference\":\""
                          + tag
                          + "\",\"Date\":\""
                          + LocalDate.parse(TODAY).minusDays(20 - 10 * i)
                          + "\",\"Status\":\""
                          + (i == 0 ? "AUTHORISED" : "DRAFT")
                          + "\",\"Contact\":{\"Name\":\"Kiwi Office Supplies Limited\"},"
                          + "\"LineItems\":["
                          + line("W", "1", "10", "300", "INPUT2")
                          + "]}")));
      contactId = bill.getJsonObject("Contact").getString("ContactID");
    }

    JsonObject unpaged =
        LedgerBridgeClient.json(
            api("GET", token, "Invoices?searchTerm=" + tag.toLowerCase(), null));
    assertEquals(3, unpaged.getJsonArray("Invoices").size());
    assertFalse(unpaged.containsKey("pagination"));
    assertFalse(unpaged.getJsonArray("Invoices").getJsonObject(0).containsKey("LineItems"));

    JsonObject page1 =
        LedgerBridgeClient.json(
            api("GET", token, "Invoices?searchTerm=" + tag + "&page=1&pageSize=2", null));
    assertEquals(2, page1.getJsonArray("Invoices").size());
    assertTrue(page1.getJsonArray("Invoices").getJsonObject(0).containsKey("LineItems"));
    JsonObject pagination = page1.getJsonObject("pagination");
    assertEquals(2, pagination.getInt("pageCount"));
    assertEquals(3, pagination.getInt("itemCount"));
    assertEquals(
        1,
        LedgerBridgeClient.json(
                api("GET", token, "Invoices?searchTerm=" + tag + "&page=2&pageSize=2", null))
            .getJsonArray("Invoices")
            .size());

    JsonObject authorised =
        LedgerBridgeClient.json(
            api("GET", token, "Invoices?Statuses=AUTHORISED&searchTerm=" + tag, null));
    assertEquals(1, authorised.getJsonArray("Invoices").size());
    assertTrue(authorised.containsKey("pagination"));

    JsonArray where =
        LedgerBridgeClient.json(
                api(
                    "GET",
                    token,
                    "Invoices?where="
                        + enc(
                            "Type==\"ACCPAY\" AND Reference==\""
                                + tag
                                + "\" AND Contact.ContactID==guid(\""
                                + contactId
                                + "\")"),
                    null))
            .getJsonArray("Invoices");
    assertEquals(3, where.size());
    assertEquals(
        1,
        LedgerBridgeClient.json(
                api("GET", token, "Invoices?InvoiceNumbers=" + tag + "-1," + tag + "-9", null))
            .getJsonArray("Invoices")
            .size());
    assertTrue(
        LedgerBridgeClient.json(api("GET", token, "Invoices?ContactIDs=" + contactId, null))
                .getJsonArray("Invoices")
                .size()
            >= 3);
    String firstId = where.getJsonObject(0).getString("InvoiceID");
    assertEquals(
        1,
        LedgerBridgeClient.json(api("GET", token, "Invoices?IDs=" + firstId, null))
            .getJsonArray("Invoices")
            .size());
    // One invoice by id has its lines.
    assertTrue(get(token, "Invoices/" + firstId).containsKey("LineItems"));
    // Date ranges with DateTime(…), and Xero's order parameter.
    LocalDate tenDaysAgo = LocalDate.parse(TODAY).minusDays(10);
    JsonArray recent =
        LedgerBridgeClient.json(
                api(
                    "GET",
                    token,
                    "Invoices?order="
                        + enc("Date DESC")
                        + "&where="
                        + enc(
                            "Reference==\""
                                + tag
                                + "\" AND Date >= DateTime("
                                + tenDaysAgo.getYear()
                                + ", "
                                + tenDaysAgo.getMonthValue()
                                + ", "
                                + tenDaysAgo.getDayOfMonth()
                                + ")"),
                    null))
            .getJsonArray("Invoices");
    assertEquals(
        List.of(tag + "-2", tag + "-1"),
        recent.stream().map(v -> v.asJsonObject().getString("InvoiceNumber")).toList());
    JsonArray ascending =
        LedgerBridgeClient.json(
                api("GET", token, "Invoices?searchTerm=" + tag + "&order=InvoiceNumber", null))
            .getJsonArray("Invoices");
    assertEquals(tag + "-0", ascending.getJsonObject(0).getString("InvoiceNumber"));
    HttpResponse<String> badOrder =
        api("GET", token, "Invoices?order=" + enc("Date SIDEWAYS"), null);
    assertEquals(400, badOrder.statusCode());
    assertEquals("QueryParseException", LedgerBridgeClient.json(badOrder).getString("Type", ""));
    // If-Modified-Since in the future: nothing.
    HttpResponse<String> none =
        client.send(
            client
                .request(API + "Invoices?searchTerm=" + tag)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("If-Modified-Since", "2999-01-01T00:00:00")
                .GET());
    assertEquals(0, LedgerBridgeClient.json(none).getJsonArray("Invoices").size());
    // Unknown invoice: plain-text 404.
    assertEquals(404, api("GET", token, "Invoices/" + UUID.randomUUID(), null).statusCode());
  }

  @Test
  void creditNoteAllocationLowersTheAmountDue() {
    String token = token();
    JsonObject invoice =
        created(
            api(
                "PUT",
                token,
                "Invoices",
                wrap(
                    invoice(
                        "ACCREC", null, "AUTHORISED", line("W", "1", "100", "200", "OUTPUT2")))));
    String invoiceId = invoice.getString("InvoiceID");
    String creditBody =
        "{\"CreditNotes\":[{\"Type\":\"ACCRECCREDIT\",\"Status\":\"%s\","
            + "\"Contact\":{\"Name\":\"Mt Eden Books\"},\"LineItems\":["
            + line("Return", "1", "20", "200", "OUTPUT2")
            + "]}]}";
    JsonObject draft =
        LedgerBridgeClient.json(
                api("PUT", token, "CreditNotes", String.format(creditBody, "DRAFT")))
            .getJsonArray("CreditNotes")
            .getJsonObject(0);
    assertTrue(draft.getString("CreditNoteNumber").matches("CN-\\d{4}"), draft.toString());
    String allocation =
        "{\"Allocations\":[{\"Invoice\":{\"InvoiceID\":\""
            + invoiceId
            + "\"},\"Amount\":23.00,\"Date\":\""
            + TODAY
            + "\"}]}";
    // A draft credit note cannot be allocated.
    assertEquals(
        400,
        api(
                "PUT",
                token,
                "CreditNotes/" + draft.getString("CreditNoteID") + "/Allocations",
                allocation)
            .statusCode());

    JsonObject credit =
        LedgerBridgeClient.json(
                api("PUT", token, "CreditNotes", String.format(creditBody, "AUTHORISED")))
            .getJsonArray("CreditNotes")
            .getJsonObject(0);
    assertEquals("23.00", num(credit, "Total"));
    assertEquals("23.00", num(credit, "RemainingCredit"));
    String creditId = credit.getString("CreditNoteID");

    HttpResponse<String> allocated =
        api("PUT", token, "CreditNotes/" + creditId + "/Allocations", allocation);

    assertEquals(200, allocated.statusCode(), allocated.body());
    JsonObject one =
        LedgerBridgeClient.json(allocated).getJsonArray("Allocations").getJsonObject(0);
    assertEquals("23.00", num(one, "Amount"));
    JsonObject after = get(token, "Invoices/" + invoiceId);
    assertEquals("92.00", num(after, "AmountDue"));
    assertEquals("23.00", num(after, "AmountCredited"));
    assertEquals("AUTHORISED", after.getString("Status"));
    JsonObject creditAfter =
        LedgerBridgeClient.json(api("GET", token, "CreditNotes/" + creditId, null))
            .getJsonArray("CreditNotes")
            .getJsonObject(0);
    assertEquals("0.00", num(creditAfter, "RemainingCredit"));
    assertEquals("PAID", creditAfter.getString("Status"));
    // Neither may now be voided.
    assertEquals(
        400, api("POST", token, "Invoices/" + invoiceId, "{\"Status\":\"VOIDED\"}").statusCode());
    assertEquals(
        400, api("POST", token, "CreditNotes/" + creditId, "{\"Status\":\"VOIDED\"}").statusCode());
    // Nothing left to allocate.
    assertEquals(
        400,
        api("PUT", token, "CreditNotes/" + creditId + "/Allocations", allocation).statusCode());
    // The rest paid: PAID.
    assertEquals(200, pay(token, invoiceId, "92.00").statusCode());
    assertEquals("PAID", get(token, "Invoices/" + invoiceId).getString("Status"));
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static String line(
      String description, String quantity, String unit, String account, String taxType) {
    return "{\"Description\":\""
        + description
        + "\",\"Quantity\":"
        + quantity
        + ",\"UnitAmount\":"
        + unit
        + ",\"AccountCode\":\""
        + account
        + "\",\"TaxType\":\""
        + taxType
        + "\"}";
  }

  private static String invoice(String type, String number, String status, String lines) {
    return "{\"Type\":\""
        + type
        + "\","
        + (number == null ? "" : "\"InvoiceNumber\":\"" + number + "\",")
        + "\"Status\":\""
        + status
        + "\",\"DueDate\":\""
        + TODAY
        + "\",\"Contact\":{\"Name\":\"Mt Eden Books\"},\"LineItems\":["
        + lines
        + "]}";
  }

  private static String wrap(String invoice) {
    return "{\"Invoices\":[" + invoice + "]}";
  }

  private static String num(JsonObject json, String name) {
    return json.getJsonNumber(name).toString();
  }

  private static String message(JsonObject element, int index) {
    return element.getJsonArray("ValidationErrors").getJsonObject(index).getString("Message");
  }

  private static List<String> messages(JsonObject element) {
    return element.getJsonArray("ValidationErrors").stream()
        .map(v -> v.asJsonObject().getString("Message"))
        .toList();
  }

  private static JsonObject created(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    JsonObject json = LedgerBridgeClient.json(response);
    JsonObject first = json.getJsonArray("Invoices").getJsonObject(0);
    assertEquals("OK", first.getString("StatusAttributeString"), first.toString());
    assertNotEquals("00000000-0000-0000-0000-000000000000", first.getString("InvoiceID"));
    return first;
  }

  private String other(String token) {
    return created(
            api(
                "PUT",
                token,
                "Invoices",
                wrap(invoice("ACCREC", null, "DRAFT", line("D", "1", "5", "200", "OUTPUT2")))))
        .getString("InvoiceID");
  }

  private JsonObject update(String token, String id, String body) {
    return created(api("POST", token, "Invoices/" + id, body));
  }

  private JsonObject get(String token, String path) {
    HttpResponse<String> response = api("GET", token, path, null);
    assertEquals(200, response.statusCode(), response.body());
    return LedgerBridgeClient.json(response).getJsonArray("Invoices").getJsonObject(0);
  }

  private HttpResponse<String> pay(String token, String invoiceId, String amount) {
    return api(
        "PUT",
        token,
        "Payments",
        "{\"Payments\":[{\"Invoice\":{\"InvoiceID\":\""
            + invoiceId
            + "\"},\"Account\":{\"Code\":\"090\"},\"Date\":\""
            + TODAY
            + "\",\"Amount\":"
            + amount
            + "}]}");
  }

  private String token() {
    return new SandboxCalls(client).customConnectionToken();
  }

  private HttpResponse<String> api(String method, String token, String path, String body) {
    return new SandboxCalls(client).call(method, token, path, body);
  }

  private static String enc(String text) {
    return SandboxCalls.enc(text);
  }
}
