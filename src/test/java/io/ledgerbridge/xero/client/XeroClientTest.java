package io.ledgerbridge.xero.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client's pure parts: what counts as "never sent", query encoding, endpoint names. */
class XeroClientTest {

  @Test
  void onlyAFailedConnectionIsCertainlyNotSent() {
    assertTrue(
        XeroClient.neverConnected(
            new ProcessingException(new ConnectException("Connection refused"))));
    assertFalse(
        XeroClient.neverConnected(
            new ProcessingException(new SocketTimeoutException("Read timed out"))));
    assertFalse(XeroClient.neverConnected(new ProcessingException("the answer was cut short")));
  }

  @Test
  void queriesAreEncodedAndEmptyValuesLeftOut() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("where", "Type==\"ACCPAY\" AND Status==\"AUTHORISED\"");
    params.put("page", null);
    params.put("IDs", "a,b");
    params.put("searchTerm", "");
    assertEquals(
        "?where=Type%3D%3D%22ACCPAY%22%20AND%20Status%3D%3D%22AUTHORISED%22&IDs=a%2Cb",
        XeroClient.query(params));
    assertEquals("", XeroClient.query(Map.of()));
  }

  @Test
  void endpointsAreNamedWithoutIds() {
    assertEquals("Invoices", XeroClient.endpointName("Invoices"));
    assertEquals("Invoices/{id}", XeroClient.endpointName("Invoices/INV-0001"));
    assertEquals("Reports/TrialBalance", XeroClient.endpointName("Reports/TrialBalance"));
    assertEquals("Reports/BalanceSheet", XeroClient.endpointName("Reports/BalanceSheet"));
  }

  @Test
  void headersAreReadAsXeroSendsThem() {
    assertEquals(Duration.ofSeconds(22), XeroClient.retryAfter("22"));
    assertNull(XeroClient.retryAfter(null));
    assertNull(XeroClient.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT"));
    assertEquals(
        "2026-11-29T10:00:01Z",
        XeroClient.ifModifiedSince(Instant.parse("2026-11-29T10:00:01.987Z")));
  }
}
