package io.ledgerbridge.intake;

import static io.ledgerbridge.testing.LedgerBridgeClient.DEMO_TOKEN;
import static io.ledgerbridge.testing.LedgerBridgeClient.assertProblem;
import static io.ledgerbridge.testing.LedgerBridgeClient.assertStatus;
import static io.ledgerbridge.testing.LedgerBridgeClient.basic;
import static io.ledgerbridge.testing.LedgerBridgeClient.bearer;
import static io.ledgerbridge.testing.LedgerBridgeClient.json;
import static io.ledgerbridge.testing.LedgerBridgeClient.query;
import static io.ledgerbridge.testing.TestTransactions.uniqueId;
import static io.ledgerbridge.testing.TestTransactions.with;
import static io.ledgerbridge.testing.TestValuations.body;
import static io.ledgerbridge.testing.TestValuations.location;
import static io.ledgerbridge.testing.TestValuations.valuation;
import static io.ledgerbridge.testing.TestValuations.withLocations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.testing.LedgerBridgeClient.Results;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stock valuations as the inventory system sends them and staff read them, checked through the read
 * API: what was stored, not only what the POST answered. Runs on H2 and on PostgreSQL. Each test
 * values days of its own year, since the IT classes of one run share a database.
 */
class StockValuationsApiIT extends LedgerBridgeDeployment {

  private static final String PATH = "api/v1/stock-valuations";

  @Test
  void aValuationIsStoredWithItsLocationsAndAmountsToTheCent() {
    String id = uniqueId("val");
    JsonObject item =
        withLocations(
            with(with(valuation(id, 1, "2031-03-31"), "total", "1234.57"), "inTransit", "0.01"),
            location("WLG", "234.55"),
            location("AKL", "1000.01"));

    Results results = post(item);

    assertEquals("CREATED", results.outcome(0));
    assertEquals(id, results.get(0).getString("sourceId"));
    assertEquals(0, results.get(0).getJsonArray("errors").size());
    JsonObject stored = only(list("2031-03-01", "2031-03-31"), id);
    assertEquals(1, stored.getInt("version"));
    assertEquals("2031-03-31", stored.getString("asAt"));
    assertEquals("NZD", stored.getString("currency"));
    assertEquals("FIFO", stored.getString("method"));
    assertDecimal("1234.57", stored, "total");
    assertDecimal("0.01", stored, "inTransit");
    assertDecimal("0", stored, "receivedNotBilled");
    assertDecimal("0", stored, "billedNotReceived");
    assertEquals(
        Map.of("AKL", new BigDecimal("1000.01"), "WLG", new BigDecimal("234.55")),
        locations(stored));
    assertEquals(
        List.of("AKL", "WLG"),
        stored.getJsonArray("locations").getValuesAs(JsonObject.class).stream()
            .map(l -> l.getString("location"))
            .toList(),
        "locations in location order");
    assertTrue(stored.getString("receivedBy").contains("token"), stored.toString());
    assertEquals(List.of(), list("2031-04-01", "2031-04-30"), "outside the range");
  }

  @Test
  void aNewerVersionReplacesTheValuationAndAnOlderOrEqualOneIsUnchanged() {
    String id = uniqueId("val-version");
    assertEquals("CREATED", post(valuation(id, 2, "2032-03-31")).outcome(0));

    JsonObject v3 =
        withLocations(
            with(valuation(id, 3, "2032-03-31"), "total", "300.5"),
            location("AKL", "200.25"),
            location("CHC", "100.25"));
    assertEquals("UPDATED", post(v3).outcome(0));
    assertEquals("UNCHANGED", post(valuation(id, 1, "2032-03-31")).outcome(0));
    assertEquals("UNCHANGED", post(valuation(id, 3, "2032-03-31")).outcome(0));

    JsonObject stored = only(list("2032-01-01", "2032-12-31"), id);
    assertEquals(3, stored.getInt("version"));
    assertDecimal("300.50", stored, "total");
    assertEquals(
        Map.of("AKL", new BigDecimal("200.25"), "CHC", new BigDecimal("100.25")),
        locations(stored),
        "WLG is gone, AKL has its new value");
  }

  @Test
  void aTotalThatIsNotItsLocationsIsRejectedOnTotalAndNothingOfItIsStored() {
    String wrong = uniqueId("val-wrong");
    String right = uniqueId("val-right");

    Results results =
        post(
            with(valuation(wrong, 1, "2033-03-31"), "total", "290.0000"),
            valuation(right, 1, "2033-03-31"));

    assertEquals("REJECTED", results.outcome(0));
    Map<String, String> errors = results.errors(0);
    assertEquals(List.of("total"), List.copyOf(errors.keySet()), errors.toString());
    assertTrue(errors.get("total").contains("290"), errors.get("total"));
    assertTrue(errors.get("total").contains("286"), errors.get("total"));
    assertEquals("CREATED", results.outcome(1), "the valid valuation of the request is stored");
    List<String> stored =
        list("2033-01-01", "2033-12-31").stream().map(v -> v.getString("sourceId")).toList();
    assertEquals(List.of(right), stored);
  }

  @Test
  void aMalformedBodyIsRefusedWholeAndStoresNothing() {
    String id = uniqueId("val-malformed");
    String valid = body(valuation(id, 1, "2034-03-31"));
    for (String body :
        List.of(
            "not json",
            valid.replace("\"valuations\"", "\"transactions\""),
            "{\"valuations\": {}}",
            "{\"valuations\": [" + valuation(id, 1, "2034-03-31") + ", 1]}",
            valid + " {}")) {
      assertProblem(400, send(bearer(DEMO_TOKEN), "POST", PATH, body));
    }
    assertProblem(415, send(bearer(DEMO_TOKEN), "POST", PATH, valid, "text/plain"));
    assertEquals(List.of(), list("2034-01-01", "2034-12-31"));
  }

  @Test
  void staffMayReadButNotSendAndTheIntegrationTokenMaySendButNotRead() {
    String id = uniqueId("val-roles");
    String body = body(valuation(id, 1, "2035-03-31"));
    for (String user : List.of("viewer", "accountant", "admin")) {
      assertStatus(200, send(basic(user, user), "GET", PATH, null));
      assertProblem(403, send(basic(user, user), "POST", PATH, body));
    }
    assertEquals(List.of(), list("2035-01-01", "2035-12-31"), "no staff post was stored");

    assertStatus(200, send(bearer(DEMO_TOKEN), "POST", PATH, body));
    assertProblem(403, send(bearer(DEMO_TOKEN), "GET", PATH, null));
    assertProblem(401, send(basic("viewer", "wrong"), "GET", PATH, null));
    assertEquals(1, list("2035-01-01", "2035-12-31").size());
  }

  @Test
  void listFiltersAreDatesInRangeInOrder() {
    assertProblem(400, send(basic("viewer", "viewer"), "GET", PATH + query("from", "March"), null));
    assertProblem(
        400, send(basic("viewer", "viewer"), "GET", PATH + query("to", "2200-01-01"), null));
    assertProblem(
        400,
        send(
            basic("viewer", "viewer"),
            "GET",
            PATH + query("from", "2036-02-01", "to", "2036-01-01"),
            null));

    String march = uniqueId("val-march");
    String january = uniqueId("val-january");
    String marchAgain = uniqueId("val-march-again");
    post(valuation(march, 1, "2036-03-31"));
    post(valuation(january, 1, "2036-01-31"));
    post(valuation(marchAgain, 1, "2036-03-31"));

    assertEquals(
        List.of(january, march, marchAgain),
        list("2036-01-01", "2036-12-31").stream().map(v -> v.getString("sourceId")).toList(),
        "asAt order, then the order received");
  }

  @Test
  void concurrentVersionsOfOneValuationLeaveOneRowWithTheHighestVersion() throws Exception {
    String id = uniqueId("val-race");
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<String> outcomes = new ArrayList<>();
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (long version = 1; version <= threads; version++) {
        // Version v values AKL at v, so the stored content says which version won.
        String body =
            body(
                withLocations(
                    with(valuation(id, version, "2037-03-31"), "total", String.valueOf(version)),
                    location("AKL", String.valueOf(version))));
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return send(bearer(DEMO_TOKEN), "POST", PATH, body);
                }));
      }
      start.countDown();
      for (Future<HttpResponse<String>> future : futures) {
        HttpResponse<String> response = future.get(120, TimeUnit.SECONDS);
        assertStatus(200, response);
        outcomes.add(json(response).getJsonArray("results").getJsonObject(0).getString("outcome"));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, outcomes.stream().filter("CREATED"::equals).count(), outcomes.toString());
    assertEquals(0, outcomes.stream().filter("REJECTED"::equals).count(), outcomes.toString());
    JsonObject stored = only(list("2037-01-01", "2037-12-31"), id);
    assertEquals(threads, stored.getInt("version"));
    assertDecimal(String.valueOf(threads), stored, "total");
    assertEquals(Map.of("AKL", new BigDecimal(threads)), locations(stored));
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private Results post(JsonObject... valuations) {
    HttpResponse<String> response = send(bearer(DEMO_TOKEN), "POST", PATH, body(valuations));
    assertStatus(200, response);
    return new Results(json(response));
  }

  private HttpResponse<String> send(String authorization, String method, String path, String body) {
    return client.call(authorization, method, path, body);
  }

  private HttpResponse<String> send(
      String authorization, String method, String path, String body, String contentType) {
    return client.send(
        client
            .request(path)
            .header("Authorization", authorization)
            .header("Content-Type", contentType)
            .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The stored valuations with from ≤ asAt ≤ to, as a viewer reads them. */
  private List<JsonObject> list(String from, String to) {
    HttpResponse<String> response = client.getAsViewer(PATH + query("from", from, "to", to));
    assertStatus(200, response);
    return json(response).getJsonArray("items").getValuesAs(JsonObject.class);
  }

  private static JsonObject only(List<JsonObject> valuations, String sourceId) {
    List<JsonObject> found =
        valuations.stream().filter(v -> v.getString("sourceId").equals(sourceId)).toList();
    assertEquals(1, found.size(), sourceId + " once in " + valuations);
    return found.get(0);
  }

  private static Map<String, BigDecimal> locations(JsonObject valuation) {
    Map<String, BigDecimal> locations = new LinkedHashMap<>();
    for (JsonObject l : valuation.getJsonArray("locations").getValuesAs(JsonObject.class)) {
      locations.put(l.getString("location"), l.getJsonNumber("value").bigDecimalValue());
    }
    // Compared by value, not by scale: 200.25 is 200.250000.
    locations.replaceAll((k, v) -> v.stripTrailingZeros());
    return locations;
  }

  private static void assertDecimal(String expected, JsonObject json, String field) {
    BigDecimal actual = json.getJsonNumber(field).bigDecimalValue();
    assertEquals(
        0,
        new BigDecimal(expected).compareTo(actual),
        field + ": expected " + expected + " but was " + actual);
  }
}
