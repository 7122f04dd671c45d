package io.ledgerbridge.intake;

import static io.ledgerbridge.testing.LedgerBridgeClient.DEMO_TOKEN;
import static io.ledgerbridge.testing.LedgerBridgeClient.INTAKE;
import static io.ledgerbridge.testing.LedgerBridgeClient.assertProblem;
import static io.ledgerbridge.testing.LedgerBridgeClient.assertStatus;
import static io.ledgerbridge.testing.LedgerBridgeClient.bearer;
import static io.ledgerbridge.testing.LedgerBridgeClient.json;
import static io.ledgerbridge.testing.TestTransactions.body;
import static io.ledgerbridge.testing.TestTransactions.line;
import static io.ledgerbridge.testing.TestTransactions.sale;
import static io.ledgerbridge.testing.TestTransactions.stockAdjustment;
import static io.ledgerbridge.testing.TestTransactions.uniqueId;
import static io.ledgerbridge.testing.TestTransactions.with;
import static io.ledgerbridge.testing.TestTransactions.withContact;
import static io.ledgerbridge.testing.TestTransactions.withLine;
import static io.ledgerbridge.testing.TestTransactions.without;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.testing.LedgerBridgeClient.Results;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The intake API as the inventory system uses it, checked through the read API: what was actually
 * stored, not only what the POST answered. Runs on H2 and on PostgreSQL.
 */
class IntakeApiIT extends LedgerBridgeDeployment {

  private static final String UNICODE_NAME = "Caf\u00e9 Zo\u00eb \u2014 \u6771\u4eac \uD83D\uDE00";

  // ---- the version rule ------------------------------------------------------------------------

  @Test
  void aTransactionIsCreatedThenUpdatedByHigherVersionsAndIgnoresOlderOrEqualOnes() {
    String id = uniqueId("version");

    Results created = client.intake(sale(id, 1));
    assertEquals("CREATED", created.outcome(0));
    assertEquals(id, created.get(0).getString("sourceId"));
    assertEquals("SALE", created.get(0).getString("kind"));
    assertEquals(0, created.get(0).getJsonArray("errors").size());
    JsonObject v1 = client.storedOrFail("SALE", id);
    assertEquals(1, v1.getInt("version"));
    assertEquals(2, v1.getJsonArray("lines").size());
    assertDecimal("21.50", v1, "total");
    assertEquals("NOT_IMPORTED", v1.getString("state"));

    JsonObject v3 =
        with(
            with(
                sale(id, 3),
                "lines",
                Json.createArrayBuilder().add(line("GADGET", "1", "99.95")).build()),
            "total",
            new BigDecimal("99.95"));
    assertEquals("UPDATED", client.intake(v3).outcome(0));
    JsonObject stored = client.storedOrFail("SALE", id);
    assertEquals(3, stored.getInt("version"));
    JsonArray lines = stored.getJsonArray("lines");
    assertEquals(1, lines.size());
    assertEquals("GADGET", lines.getJsonObject(0).getString("sku"));
    assertDecimal("99.95", lines.getJsonObject(0), "unitPrice");
    assertDecimal("99.95", stored, "total");
    assertEquals(v1.getString("receivedAt"), stored.getString("receivedAt"));

    JsonObject sameVersionOtherContent = with(sale(id, 3), "total", new BigDecimal("1.00"));
    JsonObject olderVersion = with(sale(id, 2), "total", new BigDecimal("2.00"));
    Results retries = client.intake(sameVersionOtherContent, olderVersion);
    assertEquals("UNCHANGED", retries.outcome(0));
    assertEquals("UNCHANGED", retries.outcome(1));
    JsonObject after = client.storedOrFail("SALE", id);
    assertEquals(3, after.getInt("version"));
    assertDecimal("99.95", after, "total");
    assertEquals(1, after.getJsonArray("lines").size());
    assertEquals(stored.getString("updatedAt"), after.getString("updatedAt"));
  }

  @Test
  void theSameSourceIdTwiceInOneRequestIsAppliedInOrder() {
    String rising = uniqueId("twice-up");
    String falling = uniqueId("twice-down");

    Results results =
        client.intake(
            sale(rising, 1), with(sale(rising, 2), "total", new BigDecimal("22.00")),
            with(sale(falling, 5), "total", new BigDecimal("55.00")), sale(falling, 4));

    assertEquals(List.of("CREATED", "UPDATED", "CREATED", "UNCHANGED"), outcomes(results));
    JsonObject up = client.storedOrFail("SALE", rising);
    assertEquals(2, up.getInt("version"));
    assertDecimal("22.00", up, "total");
    JsonObject down = client.storedOrFail("SALE", falling);
    assertEquals(5, down.getInt("version"));
    assertDecimal("55.00", down, "total");
    assertEquals(1, client.list("q", rising).getInt("total"), "one row per source id");
  }

  @Test
  void aSourceIdIsUniqueWithinItsKindOnly() {
    String id = uniqueId("two-kinds");

    Results results = client.intake(sale(id, 1), with(sale(id, 7), "kind", "PURCHASE"));

    assertEquals(List.of("CREATED", "CREATED"), outcomes(results));
    assertEquals(1, client.storedOrFail("SALE", id).getInt("version"));
    assertEquals(7, client.storedOrFail("PURCHASE", id).getInt("version"));
    assertEquals(2, client.list("q", id).getInt("total"));
  }

  @Test
  void concurrentVersionsOfOneTransactionLeaveOneRowWithTheHighestVersion() throws Exception {
    String single = uniqueId("race-single");
    String pairA = uniqueId("race-a");
    String pairB = uniqueId("race-b");
    int threads = 8;

    List<HttpResponse<String>> responses =
        race(threads, version -> body(versioned(single, version)));
    responses.addAll(
        race(threads, version -> body(versioned(pairA, version), versioned(pairB, version))));

    List<String> outcomes = new ArrayList<>();
    for (HttpResponse<String> response : responses) {
      assertStatus(200, response);
      json(response)
          .getJsonArray("results")
          .getValuesAs(JsonObject.class)
          .forEach(r -> outcomes.add(r.getString("sourceId") + " " + r.getString("outcome")));
    }
    for (String id : List.of(single, pairA, pairB)) {
      assertEquals(
          1,
          outcomes.stream().filter(o -> o.equals(id + " CREATED")).count(),
          "exactly one request created " + id + ": " + outcomes);
      assertEquals(
          0,
          outcomes.stream().filter(o -> o.equals(id + " REJECTED")).count(),
          "no version of " + id + " was lost: " + outcomes);
      JsonObject stored = client.storedOrFail("SALE", id);
      assertEquals(threads, stored.getInt("version"), id);
      assertDecimal(threads * 10 + ".00", stored, "total");
      assertEquals(threads, stored.getJsonArray("lines").getJsonObject(0).getInt("quantity"));
      assertEquals(1, client.list("q", id).getInt("total"), "one row for " + id);
    }
  }

  /** Version v of a sale whose content says which version it is: v × 10.00. */
  private static JsonObject versioned(String id, long version) {
    return with(
        with(
            sale(id, version),
            "lines",
            Json.createArrayBuilder()
                .add(line("WIDGET", String.valueOf(version), "10.00"))
                .build()),
        "total",
        new BigDecimal(version * 10 + ".00"));
  }

  /** Sends one request per version 1..n from n threads, released at the same moment. */
  private List<HttpResponse<String>> race(int n, Function<Long, String> bodyOfVersion)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (long version = 1; version <= n; version++) {
        String body = bodyOfVersion.apply(version);
        Callable<HttpResponse<String>> post =
            () -> {
              start.await();
              return client.postIntake(body);
            };
        futures.add(pool.submit(post));
      }
      start.countDown();
      List<HttpResponse<String>> responses = new ArrayList<>();
      for (Future<HttpResponse<String>> future : futures) {
        responses.add(future.get(120, TimeUnit.SECONDS));
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- malformed requests --------------------------------------------------------------------

  @Test
  void aMalformedRequestIsRefusedWholeAndStoresNothing() {
    Map<String, Function<String, String>> bodies = new LinkedHashMap<>();
    bodies.put("truncated JSON", valid -> "{\"transactions\":[" + valid + ",");
    bodies.put("not JSON at all", valid -> "transactions=" + valid);
    bodies.put("an array instead of an object", valid -> "[" + valid + "]");
    bodies.put("a number instead of an object", valid -> "42");
    bodies.put("JSON null", valid -> "null");
    bodies.put("an empty body", valid -> "");
    bodies.put("no \"transactions\"", valid -> "{\"transaction\":[" + valid + "]}");
    bodies.put("\"transactions\" not an array", valid -> "{\"transactions\":" + valid + "}");
    bodies.put("an element that is a number", valid -> "{\"transactions\":[" + valid + ",42]}");
    bodies.put("an element that is null", valid -> "{\"transactions\":[" + valid + ",null]}");
    bodies.put("an element that is an array", valid -> "{\"transactions\":[" + valid + ",[]]}");

    for (Map.Entry<String, Function<String, String>> body : bodies.entrySet()) {
      String id = uniqueId("malformed");
      HttpResponse<String> response =
          client.postIntake(body.getValue().apply(sale(id, 1).toString()));
      JsonObject problem = assertProblem(400, response);
      assertEquals("Malformed request", problem.getString("title"), body.getKey());
      assertTrue(problem.getString("detail").length() > 10, body.getKey());
      assertTrue(client.stored("SALE", id).isEmpty(), body.getKey() + ": nothing may be stored");
    }
  }

  @Test
  void aMalformedRequestSaysWhereTheJsonBroke() {
    JsonObject problem =
        assertProblem(400, client.postIntake("{\"transactions\":\n[{\"kind\": SALE}]}"));

    assertTrue(problem.getString("detail").contains("line 2"), problem.toString());
  }

  @Test
  void contentAfterTheJsonDocumentMakesTheRequestMalformed() {
    String first = uniqueId("trailing");
    String second = uniqueId("trailing");

    HttpResponse<String> concatenated =
        client.postIntake(body(sale(first, 1)) + body(sale(second, 1)));
    HttpResponse<String> garbage = client.postIntake(body(sale(second, 1)) + " ]]junk");

    assertProblem(400, concatenated);
    assertProblem(400, garbage);
    assertTrue(client.stored("SALE", first).isEmpty());
    assertTrue(client.stored("SALE", second).isEmpty());
  }

  @Test
  void jsonBeyondTheParsersLimitsIsAClientErrorNotAServerError() {
    String deep = "[".repeat(5_000) + "]".repeat(5_000);
    Map<String, Function<String, String>> bodies = new LinkedHashMap<>();
    bodies.put("nesting 5000 deep", valid -> "{\"transactions\":[" + valid + "," + deep + "]}");
    bodies.put(
        "a 2000-digit quantity",
        valid ->
            "{\"transactions\":["
                + valid
                + ","
                + valid.replace("\"quantity\":2", "\"quantity\":" + "9".repeat(2_000))
                + "]}");
    bodies.put(
        "an exponent beyond int",
        valid ->
            "{\"transactions\":["
                + valid
                + ","
                + valid.replace("\"quantity\":2", "\"quantity\":1e9999999999")
                + "]}");

    assertAll(
        bodies.entrySet().stream()
            .map(
                body ->
                    () -> {
                      String id = uniqueId("limits");
                      HttpResponse<String> response =
                          client.postIntake(body.getValue().apply(sale(id, 1).toString()));
                      assertTrue(
                          response.statusCode() < 500,
                          body.getKey() + " answered " + response.statusCode());
                      if (response.statusCode() == 400) {
                        assertProblem(400, response);
                        assertTrue(client.stored("SALE", id).isEmpty(), body.getKey());
                      } else {
                        // Either answer is fine for the caller, as long as it is definite: the item
                        // is rejected.
                        assertStatus(200, response);
                        JsonArray results = json(response).getJsonArray("results");
                        assertEquals(
                            "REJECTED",
                            results.getJsonObject(1).getString("outcome"),
                            body.getKey());
                        assertTrue(client.stored("SALE", id).isPresent(), body.getKey());
                      }
                    }));
  }

  @Test
  void aBodyThatIsNotJsonByContentTypeIsRefused() {
    String id = uniqueId("content-type");
    HttpResponse<String> response =
        client.send(
            client
                .request(INTAKE)
                .header("Authorization", bearer(DEMO_TOKEN))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body(sale(id, 1)))));

    assertProblem(415, response);
    assertTrue(client.stored("SALE", id).isEmpty());
  }

  // ---- invalid items beside valid ones ---------------------------------------------------------

  @Test
  void invalidItemsAreRejectedWithFieldErrorsWhileTheValidOnesAreStored() {
    String huge = "x".repeat(10_000);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      ids.add(uniqueId("mixed" + i));
    }
    List<JsonObject> items =
        List.of(
            /* 0 */ sale(ids.get(0), 1),
            /* 1 */ withLine(
                with(with(sale(ids.get(1), 1), "version", "seven"), "date", 20240315L),
                "quantity",
                "two"),
            /* 2 */ without(without(without(sale(ids.get(2), 1), "contact"), "date"), "currency"),
            /* 3 */ withLine(
                with(sale(ids.get(3), 1), "total", new BigDecimal("-20.00")),
                "quantity",
                new BigDecimal("-2")),
            /* 4 */ stockAdjustment(ids.get(4), 1),
            /* 5 */ withLine(sale(ids.get(5), 1), "quantity", new BigDecimal("1000000000000")),
            /* 6 */ withLine(withContact(sale(ids.get(6), 1), "name", huge), "description", huge),
            /* 7 */ withLine(
                withContact(sale(ids.get(7), 1), "name", UNICODE_NAME),
                "description",
                UNICODE_NAME),
            /* 8 */ withContact(sale(ids.get(8), 1), "name", "Zoe\u0308 Cafe\u0301"),
            /* 9 */ withContact(sale(ids.get(9), 1), "name", "Acme\u0000Ltd"),
            /* 10 */ with(sale(ids.get(10), 1), "reference", "LONE-SURROGATE"),
            /* 11 */ with(sale(ids.get(11), 1), "currency", "nzd"),
            /* 12 */ withLine(sale(ids.get(12), 1), "quantity", new BigDecimal("1.23456")),
            /* 13 */ withLine(
                withLine(sale(ids.get(13), 1), "quantity", new BigDecimal("999999999")),
                "unitPrice",
                new BigDecimal("11")),
            /* 14 */ with(with(sale(ids.get(14), 1), "kind", "banana"), "version", 0L));
    // A lone surrogate can only be sent as a JSON escape; a JSON writer would replace it.
    String request = body(items.toArray(JsonObject[]::new)).replace("LONE-SURROGATE", "\\ud800");

    HttpResponse<String> response = client.postIntake(request);
    assertStatus(200, response);
    Results results = new Results(json(response));

    assertEquals(items.size(), results.size());
    Map<Integer, Set<String>> rejected =
        Map.ofEntries(
            Map.entry(1, Set.of("version", "date", "lines[0].quantity")),
            Map.entry(2, Set.of("contact", "date", "currency")),
            Map.entry(5, Set.of("lines[0].quantity")),
            Map.entry(6, Set.of("contact.name", "lines[0].description")),
            Map.entry(9, Set.of("contact.name")),
            Map.entry(10, Set.of("reference")),
            Map.entry(11, Set.of("currency")),
            Map.entry(12, Set.of("lines[0].quantity")),
            Map.entry(13, Set.of("lines[0]")),
            Map.entry(14, Set.of("kind", "version")));
    for (int i = 0; i < items.size(); i++) {
      int index = i;
      String kind = index == 4 ? "STOCK_ADJUSTMENT" : "SALE";
      if (rejected.containsKey(i)) {
        assertAll(
            "item " + i,
            () -> assertEquals("REJECTED", results.outcome(index), results.get(index).toString()),
            () -> assertEquals(rejected.get(index), results.errors(index).keySet()),
            () -> assertTrue(client.stored(kind, ids.get(index)).isEmpty(), "not stored"));
      } else {
        assertAll(
            "item " + i,
            () -> assertEquals("CREATED", results.outcome(index), results.get(index).toString()),
            () -> assertEquals(Map.of(), results.errors(index)),
            () -> assertTrue(client.stored(kind, ids.get(index)).isPresent(), "stored"));
      }
    }
    Map<String, String> errors6 = results.errors(6);
    assertEquals("is 10000 characters long; at most 255 are allowed", errors6.get("contact.name"));
    assertEquals(
        "is 10000 characters long; at most 4000 are allowed", errors6.get("lines[0].description"));
    assertEquals(
        "contains a broken Unicode character (an unpaired surrogate)",
        results.errors(10).get("reference"));
    assertEquals("banana", results.get(14).getString("kind"));

    JsonObject negative = client.storedOrFail("SALE", ids.get(3));
    assertDecimal("-2", negative.getJsonArray("lines").getJsonObject(0), "quantity");
    assertDecimal("-20", negative, "total");
    assertDecimal(
        "-5",
        client.storedOrFail("STOCK_ADJUSTMENT", ids.get(4)).getJsonArray("lines").getJsonObject(0),
        "quantity");
    JsonObject unicode = client.storedOrFail("SALE", ids.get(7));
    assertEquals(UNICODE_NAME, unicode.getJsonObject("contact").getString("name"));
    assertEquals(
        UNICODE_NAME, unicode.getJsonArray("lines").getJsonObject(0).getString("description"));
    assertEquals(
        "Zo\u00eb Caf\u00e9",
        client.storedOrFail("SALE", ids.get(8)).getJsonObject("contact").getString("name"),
        "stored in NFC");
  }

  @Test
  void aFractionalVersionIsRejectedAndTheRestOfTheRequestStored() {
    String good = uniqueId("fraction-ok");
    String bad = uniqueId("fraction");

    Results results =
        client.intake(sale(good, 1), with(sale(bad, 1), "version", new BigDecimal("1.5")));

    assertEquals(List.of("CREATED", "REJECTED"), outcomes(results));
    assertEquals(Set.of("version"), results.errors(1).keySet());
    assertTrue(client.stored("SALE", good).isPresent());
  }

  @Test
  void unicodeIsStoredExactlyAndFoundCaseInsensitively() {
    String id = uniqueId("unicode");
    String name = UNICODE_NAME + " " + id;
    JsonObject sale =
        withLine(
            with(withContact(sale(id, 1), "name", name), "reference", "\u00c5r " + id),
            "sku",
            "\u00d8L-\u6771");

    assertEquals("CREATED", client.intake(sale).outcome(0));

    JsonObject stored = client.storedOrFail("SALE", id);
    assertEquals(name, stored.getJsonObject("contact").getString("name"));
    assertEquals("\u00c5r " + id, stored.getString("reference"));
    assertEquals("\u00d8L-\u6771", stored.getJsonArray("lines").getJsonObject(0).getString("sku"));
    JsonObject found = client.list("q", "ZO\u00cb \u2014 \u6771\u4eac \uD83D\uDE00 " + id);
    assertEquals(1, found.getInt("total"));
    assertEquals(
        name,
        found.getJsonArray("items").getJsonObject(0).getJsonObject("contact").getString("name"));
  }

  @Test
  void moneyIsStoredExactly() {
    String tenths = uniqueId("money-tenths");
    String large = uniqueId("money-large");
    JsonObject threeTenths =
        with(
            with(
                with(
                    sale(tenths, 1),
                    "lines",
                    Json.createArrayBuilder()
                        .add(line("DIME", "3", "0.1"))
                        .add(
                            with(
                                line("THIRD", "0.3333", "3"),
                                "discountPercent",
                                new BigDecimal("12.5")))
                        .build()),
                "total",
                new BigDecimal("0.3")),
            "currencyRate",
            new BigDecimal("0.6123456789"));
    JsonObject bigTotal = with(sale(large, 1), "total", new BigDecimal("12345678.9012"));

    assertEquals(List.of("CREATED", "CREATED"), outcomes(client.intake(threeTenths, bigTotal)));

    JsonObject stored = client.storedOrFail("SALE", tenths);
    JsonObject dime = stored.getJsonArray("lines").getJsonObject(0);
    JsonObject third = stored.getJsonArray("lines").getJsonObject(1);
    assertEquals("0.1", dime.get("unitPrice").toString());
    assertEquals("3", dime.get("quantity").toString());
    assertEquals("0.3333", third.get("quantity").toString());
    assertEquals("12.5", third.get("discountPercent").toString());
    assertEquals("0.3", stored.get("total").toString());
    assertEquals("0.6123456789", stored.get("currencyRate").toString());
    assertEquals("12345678.9012", client.storedOrFail("SALE", large).get("total").toString());
    JsonObject listed = client.list("q", large);
    assertEquals(
        "12345678.9012", listed.getJsonArray("items").getJsonObject(0).get("total").toString());
  }

  @Test
  void sourceIdsWithSlashesAndSpacesCanBeReadBack() {
    String id = "INV/2024 " + uniqueId("slash");

    assertEquals("CREATED", client.intake(sale(id, 1)).outcome(0));

    assertEquals(1, client.list("q", id).getInt("total"));
    assertEquals(id, client.storedOrFail("SALE", id).getString("sourceId"));
  }

  // ---- size limits ---------------------------------------------------------------------------

  @Test
  void aBodyOverTenMegabytesIsRefusedWith413() {
    String id = uniqueId("huge-body");
    String body =
        "{\"transactions\":["
            + sale(id, 1)
            + "],\"padding\":\""
            + "x".repeat(10 * 1024 * 1024)
            + "\"}";

    JsonObject problem = assertProblem(413, client.postIntake(body));

    assertTrue(problem.getString("detail").contains("10485760"), problem.toString());
    assertTrue(client.stored("SALE", id).isEmpty());
  }

  @Test
  void aStreamedBodyOverTenMegabytesIsRefusedWith413() {
    String id = uniqueId("huge-stream");
    byte[] body =
        ("{\"transactions\":["
                + sale(id, 1)
                + "],\"padding\":\""
                + "x".repeat(10 * 1024 * 1024)
                + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    // No Content-Length: the server has to count while reading.
    HttpResponse<String> response =
        client.send(
            client
                .request(INTAKE)
                .header("Authorization", bearer(DEMO_TOKEN))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body))));

    assertProblem(413, response);
    assertTrue(client.stored("SALE", id).isEmpty());
  }

  @Test
  void moreThanAThousandItemsAreRefusedWith413AndNoneStored() {
    String tag = uniqueId("too-many");
    JsonObject[] items = new JsonObject[1001];
    for (int i = 0; i < items.length; i++) {
      items[i] = sale(tag + "-" + i, 1);
    }

    JsonObject problem = assertProblem(413, client.postIntake(body(items)));

    assertTrue(problem.getString("detail").contains("1001"), problem.toString());
    assertEquals(0, client.list("q", tag).getInt("total"));
  }

  @Test
  void exactlyAThousandItemsAreStoredInOneRequest() {
    String tag = uniqueId("thousand");
    JsonObject[] items = new JsonObject[1000];
    for (int i = 0; i < items.length; i++) {
      items[i] = sale(tag + "-" + i, 1);
    }

    Results results = client.intake(items);

    assertEquals(1000, results.size());
    assertEquals(Set.of("CREATED"), Set.copyOf(outcomes(results)));
    assertEquals(1000, client.list("q", tag, "size", "1").getInt("total"));
    assertEquals(
        Set.of("UNCHANGED"),
        Set.copyOf(outcomes(client.intake(items))),
        "a full retry changes nothing");
  }

  // ---- the list --------------------------------------------------------------------------------

  @Test
  void theListFiltersByKindStateTextAndDateAndPages() {
    String tag = uniqueId("list");
    String s1 = tag + "-s1";
    String s2 = tag + "-s2";
    String s3 = tag + "-s3";
    String p1 = tag + "-p1";
    String c1 = tag + "-c1";
    assertEquals(
        List.of("CREATED", "CREATED", "CREATED", "CREATED", "CREATED"),
        outcomes(
            client.intake(
                with(sale(s1, 1), "date", "2024-01-10"),
                with(sale(s2, 1), "date", "2024-02-10"),
                with(sale(s3, 1), "date", "2024-03-10"),
                with(with(sale(p1, 1), "kind", "PURCHASE"), "date", "2024-02-15"),
                with(with(sale(c1, 1), "kind", "CUSTOMER_CREDIT"), "date", "2024-03-20"))));

    assertEquals(
        List.of(c1, s3, p1, s2, s1), sourceIds(client.list("q", tag)), "newest first by default");
    assertEquals(List.of(s3, s2, s1), sourceIds(client.list("q", tag, "kind", "SALE")));
    assertEquals(List.of(p1), sourceIds(client.list("q", tag, "kind", "purchase")));
    assertEquals(
        List.of(p1, s2),
        sourceIds(client.list("q", tag, "from", "2024-02-01", "to", "2024-02-29")));
    assertEquals(
        List.of(s2, s1), sourceIds(client.list("q", tag, "to", "2024-02-10", "kind", "SALE")));
    assertEquals(List.of(c1, s3), sourceIds(client.list("q", tag, "from", "2024-03-10")));
    assertEquals(
        List.of(s1, s2, s3), sourceIds(client.list("q", tag, "kind", "SALE", "sort", "date")));
    assertEquals(5, client.list("q", tag, "state", "NOT_IMPORTED").getInt("total"));
    assertEquals(0, client.list("q", tag, "state", "IMPORTED").getInt("total"));
    assertEquals(
        5, client.list("q", tag.toUpperCase()).getInt("total"), "text search ignores case");
    String wildcard = tag.substring(0, 3) + "_" + tag.substring(4);
    assertEquals(0, client.list("q", wildcard).getInt("total"), "_ is a character, not a wildcard");
    assertEquals(
        0, client.list("q", tag + "%").getInt("total"), "% is a character, not a wildcard");

    JsonObject page1 = client.list("q", tag, "kind", "SALE", "size", "2", "page", "1");
    JsonObject page2 = client.list("q", tag, "kind", "SALE", "size", "2", "page", "2");
    JsonObject page3 = client.list("q", tag, "kind", "SALE", "size", "2", "page", "3");
    assertEquals(List.of(s3, s2), sourceIds(page1));
    assertEquals(List.of(s1), sourceIds(page2));
    assertEquals(List.of(), sourceIds(page3));
    for (JsonObject page : List.of(page1, page2, page3)) {
      assertEquals(3, page.getInt("total"));
      assertEquals(2, page.getInt("pageCount"));
      assertEquals(2, page.getInt("size"));
    }
    assertEquals(2, page2.getInt("page"));
  }

  @Test
  void aListRowShowsWhatWasStoredAndWhyItIsNotImportableYet() {
    disconnectXero();
    String id = uniqueId("row");
    client.intake(sale(id, 4));

    JsonObject row = client.list("q", id).getJsonArray("items").getJsonObject(0);

    assertEquals("SALE", row.getString("kind"));
    assertEquals(id, row.getString("sourceId"));
    assertEquals(4, row.getInt("version"));
    assertEquals("INV-" + id, row.getString("number"));
    assertEquals("C-1", row.getJsonObject("contact").getString("code"));
    assertEquals("Acme Ltd", row.getJsonObject("contact").getString("name"));
    assertEquals("2024-03-15", row.getString("date"));
    assertEquals("NZD", row.getString("currency"));
    assertDecimal("21.50", row, "total");
    assertEquals("NOT_IMPORTED", row.getString("state"));
    assertEquals(false, row.getBoolean("voided"));
    List<String> reasons =
        row.getJsonArray("notImportableReasons").getValuesAs(JsonObject.class).stream()
            .map(r -> r.getString("code"))
            .toList();
    assertEquals(List.of("XERO_NOT_CONNECTED", "CONTACT_NOT_LINKED"), reasons);
  }

  @Test
  void theReasonsFollowTheConnectionContactLinksSettingsAndTheImportWindow() {
    disconnectXero();
    String id = uniqueId("why");
    String contact = "WHY-" + id;
    String tax = "ZW" + Math.abs(id.hashCode() % 100_000);
    LocalDate longAgo = LocalDate.now().minusYears(3);
    JsonObject sale = sale(id, 1);
    var lines = Json.createArrayBuilder();
    sale.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
        .map(l -> Json.createObjectBuilder(l).add("taxCode", tax).build())
        .forEach(lines::add);
    client.intake(
        Json.createObjectBuilder(sale)
            .add(
                "contact",
                Json.createObjectBuilder().add("code", contact).add("name", "Why Not Ltd " + id))
            .add("date", longAgo.toString())
            .add("dueDate", longAgo.plusDays(20).toString())
            .add("lines", lines)
            .build());
    assertEquals(List.of("XERO_NOT_CONNECTED", "CONTACT_NOT_LINKED"), reasonCodes(id));

    // Connected, with a sales account, a one-year window and the tax code left unmapped.
    assertStatus(
        200, asAdmin("PUT", "api/v1/xero/connection", "{\"mode\":\"client_credentials\"}"));
    assertStatus(200, asAdmin("POST", "api/v1/xero/reference/refresh", null));
    assertStatus(
        200,
        asAdmin(
            "PATCH",
            "api/v1/settings",
            "{\"accounts\":{\"sales\":\"200\"},\"importWindowMonths\":12,\"taxMappings\":{\""
                + tax
                + "\":null}}"));
    try {
      List<JsonObject> reasons = reasons(id);
      assertEquals(
          List.of("CONTACT_NOT_LINKED", "TAX_CODE_UNMAPPED", "OUTSIDE_IMPORT_WINDOW"),
          reasons.stream().map(r -> r.getString("code")).toList());
      assertEquals(
          "Tax code " + tax + " is not mapped to a Xero tax type for sales.",
          reasons.get(1).getString("message"));

      // Link the contact (a new Xero contact), map the tax code, widen the window: ready.
      assertStatus(
          200, asAdmin("PUT", "api/v1/contacts/" + contact + "/link", "{\"create\":true}"));
      assertStatus(
          200,
          asAdmin(
              "PATCH",
              "api/v1/settings",
              "{\"importWindowMonths\":60,\"taxMappings\":{\""
                  + tax
                  + "\":{\"sales\":\"OUTPUT2\",\"purchases\":\"INPUT2\"}}}"));
      assertEquals(List.of(), reasonCodes(id));
      JsonObject detail = json(client.getAsViewer(INTAKE + "/SALE/" + id));
      assertEquals(0, detail.getJsonArray("notImportableReasons").size(), detail.toString());
    } finally {
      asAdmin("PATCH", "api/v1/settings", "{\"taxMappings\":{\"" + tax + "\":null}}");
      disconnectXero();
    }
  }

  private List<JsonObject> reasons(String sourceId) {
    return client
        .list("q", sourceId)
        .getJsonArray("items")
        .getJsonObject(0)
        .getJsonArray("notImportableReasons")
        .getValuesAs(JsonObject.class);
  }

  private List<String> reasonCodes(String sourceId) {
    return reasons(sourceId).stream().map(r -> r.getString("code")).toList();
  }

  private HttpResponse<String> asAdmin(String method, String path, String body) {
    return client.asAdmin(method, path, body);
  }

  private void disconnectXero() {
    assertEquals(204, asAdmin("DELETE", "api/v1/xero/connection", null).statusCode());
  }

  @Test
  void theListClampsPageAndSize() {
    JsonObject tooSmall = client.list("size", "0", "page", "0");
    JsonObject tooLarge = client.list("size", "100000");

    assertEquals(1, tooSmall.getInt("size"));
    assertEquals(1, tooSmall.getInt("page"));
    assertEquals(500, tooLarge.getInt("size"));
  }

  @Test
  void unknownFiltersAndMissingTransactionsAreProblems() {
    assertProblem(400, client.getAsViewer(INTAKE + "?kind=banana"));
    assertProblem(400, client.getAsViewer(INTAKE + "?state=LOST"));
    assertProblem(400, client.getAsViewer(INTAKE + "?from=2024-13-01"));
    assertProblem(400, client.getAsViewer(INTAKE + "?sort=colour"));
    JsonObject missing =
        assertProblem(404, client.getAsViewer(INTAKE + "/SALE/" + uniqueId("missing")));
    assertNotEquals("", missing.getString("detail"));
    assertProblem(400, client.getAsViewer(INTAKE + "/banana/x"));
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static List<String> outcomes(Results results) {
    List<String> outcomes = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      outcomes.add(results.outcome(i));
    }
    return outcomes;
  }

  private static List<String> sourceIds(JsonObject list) {
    return list.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(i -> i.getString("sourceId"))
        .toList();
  }

  /** Numerically equal: the API drops trailing zeros (21.50 is sent as 21.5). */
  private static void assertDecimal(String expected, JsonObject json, String field) {
    BigDecimal actual = json.getJsonNumber(field).bigDecimalValue();
    assertEquals(
        0,
        new BigDecimal(expected).compareTo(actual),
        field + ": expected " + expected + " but was " + actual);
  }
}
