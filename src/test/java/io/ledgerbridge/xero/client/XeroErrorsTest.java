package io.ledgerbridge.xero.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class XeroErrorsTest {

  @Test
  void aValidationExceptionCarriesTheElementsMessages() {
    String body =
        """
        {"ErrorNumber":10,"Type":"ValidationException","Message":"A validation exception occurred",
         "Elements":[{"Type":"ACCREC","InvoiceNumber":"SO-1002","HasErrors":true,
           "ValidationErrors":[{"Message":"Account code '999' is not a valid code for this document."}]},
          {"ValidationErrors":[{"Description":"Invoice # must be unique."},
           {"Message":"Account code '999' is not a valid code for this document."}]}]}
        """;
    XeroException e = XeroErrors.toException(400, "PUT Invoices", body, "corr-1");
    XeroException.Validation v = assertInstanceOf(XeroException.Validation.class, e);
    assertEquals("ValidationException", v.xeroType());
    assertEquals(
        List.of(
            "Account code '999' is not a valid code for this document.",
            "Invoice # must be unique."),
        v.xeroMessages());
    assertEquals("corr-1", v.correlationId());
    assertTrue(v.getMessage().contains("Invoice # must be unique."), v.getMessage());
  }

  @Test
  void topLevelMessagesProblemsAndPlainText() {
    XeroException query =
        XeroErrors.toException(
            400,
            "GET Contacts",
            "{\"ErrorNumber\":16,\"Type\":\"QueryParseException\",\"Message\":\"Operator 'x' is not supported\"}",
            null);
    assertEquals("QueryParseException", ((XeroException.Validation) query).xeroType());
    assertEquals(List.of("Operator 'x' is not supported"), query.xeroMessages());

    XeroException idempotency =
        XeroErrors.toException(
            400,
            "PUT Invoices",
            "{\"ErrorNumber\":10,\"Type\":\"ValidationException\",\"Message\":\"Idempotency Key: k is used with a different request.\"}",
            null);
    assertEquals(
        List.of("Idempotency Key: k is used with a different request."),
        idempotency.xeroMessages());

    XeroException forbidden =
        XeroErrors.toException(
            403,
            "GET Organisation",
            "{\"Type\":null,\"Title\":\"Forbidden\",\"Status\":403,\"Detail\":\"AuthenticationUnsuccessful\",\"Instance\":\"x\",\"Extensions\":{}}",
            null);
    assertInstanceOf(XeroException.AccessDenied.class, forbidden);
    assertEquals(List.of("AuthenticationUnsuccessful"), forbidden.xeroMessages());
    assertEquals(403, forbidden.xeroStatus());

    XeroException missing =
        XeroErrors.toException(
            404, "GET Invoices/{id}", "The resource you're looking for cannot be found", null);
    assertInstanceOf(XeroException.NotFound.class, missing);
    assertEquals(
        List.of("The resource you're looking for cannot be found"), missing.xeroMessages());

    XeroException down =
        XeroErrors.toException(
            503, "GET Invoices", "The Xero API is temporarily unavailable", null);
    assertInstanceOf(XeroException.Unavailable.class, down);

    assertEquals(List.of(), XeroErrors.messages(""));
    assertEquals(List.of("<html>oops"), XeroErrors.messages("<html>oops"));
  }

  @Test
  void aWebPage404IsNotXeroSayingNoSuchDocument() {
    assertTrue(
        XeroErrors.notXerosAnswer(
            404,
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0\"><html><title>Payara Micro</title>"));
    assertTrue(XeroErrors.notXerosAnswer(404, "\n  <HTML><body>Not Found</body></HTML>"));
    org.junit.jupiter.api.Assertions.assertFalse(
        XeroErrors.notXerosAnswer(404, "The resource you're looking for cannot be found"));
    org.junit.jupiter.api.Assertions.assertFalse(
        XeroErrors.notXerosAnswer(404, "{\"Message\":\"Not found\"}"));
    org.junit.jupiter.api.Assertions.assertFalse(
        XeroErrors.notXerosAnswer(400, "<!DOCTYPE html><html></html>"));
    org.junit.jupiter.api.Assertions.assertFalse(XeroErrors.notXerosAnswer(404, null));
  }
}
