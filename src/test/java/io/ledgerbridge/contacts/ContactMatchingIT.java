package io.ledgerbridge.contacts;

import static io.ledgerbridge.testing.LedgerBridgeClient.assertProblem;
import static io.ledgerbridge.testing.LedgerBridgeClient.assertStatus;
import static io.ledgerbridge.testing.LedgerBridgeClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.testing.LedgerBridgeClient;
import io.ledgerbridge.testing.LedgerBridgeDeployment;
import io.ledgerbridge.testing.TestTransactions;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Contact matching against the sandbox, through the REST API: the demo source contacts against the
 * sandbox's seeded contacts (same name, another suffix, shared e-mail, contact number, archived).
 * The tests build on each other, in order, on one deployment.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContactMatchingIT extends LedgerBridgeDeployment {

  private static final String DEMO_ORG = "b0c1a2d3-0000-4000-8000-00000000d3a0";
  private static final String CONTACTS = "api/v1/contacts";
  private static final String CONSOLE = "api/v1/sandbox/organisations/" + DEMO_ORG + "/contacts";

  @Test
  @Order(1)
  void notConnectedAnswers503ThenConnects() {
    ContactsSandbox.resetSandbox(client);
    ContactsSandbox.disconnect(client);
    assertProblem(503, as("accountant", "GET", CONTACTS, null));
    assertProblem(503, as("accountant", "PUT", CONTACTS + "/CUS-006/link", "{\"create\":true}"));
    ContactsSandbox.connect(client);
    ContactsSandbox.forgetLinks(client);
  }

  @Test
  @Order(2)
  void viewersAndIntegrationMayNotUseIt() {
    assertProblem(403, as("viewer", "GET", CONTACTS, null));
    assertProblem(403, as("viewer", "PUT", CONTACTS + "/CUS-006/link", "{\"create\":true}"));
    assertProblem(403, as("viewer", "DELETE", CONTACTS + "/CUS-006/link", null));
    assertStatus(200, as("accountant", "GET", CONTACTS, null));
  }

  @Test
  @Order(3)
  void listsTheUnlinkedSourceContactsWithTransactionsWaiting() {
    List<JsonObject> unlinked = contacts("unlinked");
    Set<String> codes = codes(unlinked);
    assertTrue(
        codes.containsAll(Set.of("CUS-001", "CUS-006", "CUS-028", "SUP-001")), codes.toString());
    for (JsonObject c : unlinked) {
      assertEquals("UNLINKED", c.getString("state"));
      assertTrue(c.getInt("waiting") > 0);
    }
    JsonObject harbour = find(unlinked, "CUS-001").orElseThrow();
    assertEquals("Harbour Café Ltd", harbour.getJsonObject("exactMatch").getString("name"));
    assertTrue(contacts("linked").isEmpty());
    // Text filter: name, code or e-mail, accents ignored.
    assertEquals(Set.of("CUS-008", "CUS-009"), codes(get(CONTACTS + "?state=unlinked&q=tamaki")));
    assertProblem(400, as("accountant", "GET", CONTACTS + "?state=whatever", null));
  }

  @Test
  @Order(4)
  void candidatesCarryTheirEvidence() {
    JsonObject eden = candidates("CUS-006");
    JsonObject first = eden.getJsonArray("candidates").getJsonObject(0);
    assertEquals("Mt Eden Books", first.getString("name"));
    assertEquals("CUS-006", first.getString("contactNumber"));
    assertTrue(first.getBoolean("exact"));
    assertEquals(
        "CONTACT_NUMBER", first.getJsonArray("evidence").getJsonObject(0).getString("rule"));
    assertEquals(first.getString("xeroContactId"), eden.getString("exactMatch"));

    // A shared e-mail with another source contact of another name is only a suggestion.
    JsonObject summit = candidates("CUS-028");
    assertFalse(summit.containsKey("exactMatch"));
    JsonObject gear = summit.getJsonArray("candidates").getJsonObject(0);
    assertEquals("Summit Outdoor Gear", gear.getString("name"));
    assertFalse(gear.getBoolean("exact"));
    assertTrue(rules(gear).contains("SHARED_EMAIL"), rules(gear).toString());

    // Archived in Xero: shown, not linkable.
    JsonObject aroha = candidates("CUS-007").getJsonArray("candidates").getJsonObject(0);
    assertEquals("ARCHIVED", aroha.getString("status"));
    assertFalse(aroha.getBoolean("linkable"));

    // Another suffix: exact by normalised name and e-mail.
    JsonObject kiwi = candidates("CUS-003").getJsonArray("candidates").getJsonObject(0);
    assertEquals("Kiwi Office Supplies Limited", kiwi.getString("name"));
    assertTrue(rules(kiwi).containsAll(List.of("EMAIL", "EXACT_NAME")));

    // A similar name only: a suggestion with its similarity.
    JsonObject supply = candidates("CUS-004").getJsonArray("candidates").getJsonObject(0);
    assertEquals("Kiwi Office Supplies Limited", supply.getString("name"));
    assertEquals(List.of("SIMILAR_NAME"), rules(supply));
    assertFalse(supply.getBoolean("exact"));

    assertProblem(404, as("accountant", "GET", CONTACTS + "/NO-SUCH/candidates", null));
  }

  @Test
  @Order(5)
  void linksACandidateAndRefusesArchivedOrUnknownContacts() {
    String kiwi = xeroId("Kiwi Office Supplies Limited");
    HttpResponse<String> linked =
        as("accountant", "PUT", CONTACTS + "/CUS-004/link", "{\"xeroContactId\":\"" + kiwi + "\"}");
    assertStatus(200, linked);
    assertEquals("LINKED", json(linked).getString("state"));
    assertEquals(kiwi, json(linked).getString("xeroContactId"));
    assertEquals("accountant", json(linked).getString("linkedBy"));
    assertEquals("LINKED", find(contacts("linked"), "CUS-004").orElseThrow().getString("state"));
    assertTrue(find(contacts("unlinked"), "CUS-004").isEmpty());

    String aroha = xeroId("Aroha Design Studio");
    assertTrue(
        assertProblem(
                409,
                as(
                    "accountant",
                    "PUT",
                    CONTACTS + "/CUS-007/link",
                    "{\"xeroContactId\":\"" + aroha + "\"}"))
            .getString("detail")
            .contains("archived"));
    assertProblem(
        422,
        as(
            "accountant",
            "PUT",
            CONTACTS + "/CUS-007/link",
            "{\"xeroContactId\":\"00000000-0000-4000-8000-000000000999\"}"));
    assertProblem(400, as("accountant", "PUT", CONTACTS + "/CUS-007/link", "{}"));
    assertProblem(
        404,
        as(
            "accountant",
            "PUT",
            CONTACTS + "/NO-SUCH/link",
            "{\"xeroContactId\":\"" + kiwi + "\"}"));
  }

  @Test
  @Order(6)
  void createsAXeroContactWithTheSourceCodeAsContactNumber() {
    HttpResponse<String> created =
        as("accountant", "PUT", CONTACTS + "/CUS-021/link", "{\"create\":true}");
    assertStatus(200, created);
    String id = json(created).getString("xeroContactId");
    assertEquals("Müller Engineering NZ", json(created).getString("xeroName"));
    JsonObject inXero = sandboxContact(id).orElseThrow();
    assertEquals("CUS-021", inXero.getString("ContactNumber"));
    assertEquals("Müller Engineering NZ", inXero.getString("Name"));
    assertEquals("ACTIVE", inXero.getString("ContactStatus"));
  }

  @Test
  @Order(7)
  void whenTheNameIsTakenOffersTheExistingContact() {
    int before = sandboxContacts().size();
    JsonObject problem =
        assertProblem(
            409, as("accountant", "PUT", CONTACTS + "/CUS-001/link", "{\"create\":true}"));
    assertTrue(problem.getString("detail").contains("already assigned"), problem.toString());
    JsonObject existing = problem.getJsonObject("existingContact");
    assertEquals("Harbour Café Ltd", existing.getString("name"));
    assertEquals(xeroId("Harbour Café Ltd"), existing.getString("xeroContactId"));
    assertEquals(before, sandboxContacts().size(), "nothing created in Xero");
    assertEquals("UNLINKED", candidates("CUS-001").getString("state"));
  }

  @Test
  @Order(8)
  void confirmAllExactMatchesLinksOnlyTheUnambiguousOnes() {
    // A second "Riverside Dental" in Xero (another suffix, so Xero allows the name) makes CUS-017
    // ambiguous: two exact candidates.
    assertStatus(
        200,
        as(
            "admin",
            "PUT",
            CONSOLE + "/7d1e0f00-0000-4000-8000-0000000000a1",
            "{\"Name\":\"Riverside Dental Ltd\",\"ContactStatus\":\"ACTIVE\","
                + "\"EmailAddress\":\"frontdesk@riversidedental.nz\"}"));
    assertStatus(200, as("accountant", "POST", CONTACTS + "/refresh", null));
    assertTrue(candidates("CUS-017").getBoolean("ambiguous"));

    HttpResponse<String> confirmed = as("accountant", "POST", CONTACTS + "/confirm-exact", null);
    assertStatus(200, confirmed);
    JsonObject result = json(confirmed);
    Set<String> linked =
        result.getJsonArray("linkedCodes").getValuesAs(JsonValue::toString).stream()
            .map(s -> s.replace("\"", ""))
            .collect(Collectors.toSet());
    assertTrue(
        linked.containsAll(
            Set.of(
                "CUS-001", "CUS-002", "CUS-003", "CUS-005", "CUS-006", "CUS-008", "CUS-009",
                "CUS-027", "SUP-001", "SUP-002", "SUP-003", "SUP-004", "SUP-005", "SUP-006",
                "SUP-012")),
        linked.toString());
    // Never the ambiguous, archived or suggestion-only ones.
    for (String code : List.of("CUS-017", "CUS-028", "CUS-007", "CUS-010", "CUS-023")) {
      assertFalse(linked.contains(code), code + " must not be linked");
      assertEquals("UNLINKED", candidates(code).getString("state"), code);
    }
    assertEquals(linked.size(), result.getInt("linked"));
    assertEquals(contacts("unlinked").size(), result.getInt("left"));
    JsonObject eden = find(contacts("linked"), "CUS-006").orElseThrow();
    assertEquals(xeroId("Mt Eden Books"), eden.getString("xeroContactId"));
    // Running it again links nothing more.
    assertEquals(
        0, json(as("accountant", "POST", CONTACTS + "/confirm-exact", null)).getInt("linked"));
  }

  @Test
  @Order(9)
  void archivedOrMergedInXeroMakesTheLinkStale() {
    String eden = xeroId("Mt Eden Books");
    assertStatus(200, as("admin", "POST", CONSOLE + "/" + eden + "/archive", ""));
    String kiwi = xeroId("Kiwi Office Supplies Limited");
    String packaging = xeroId("Pacific Packaging Ltd");
    assertStatus(200, as("admin", "POST", CONSOLE + "/" + kiwi + "/merge?into=" + packaging, ""));

    JsonObject refreshed = json(as("accountant", "POST", CONTACTS + "/refresh", null));
    // CUS-006; CUS-003, CUS-004 and SUP-012 were linked to the merged contact.
    assertEquals(4, refreshed.getInt("newlyStale"), refreshed.toString());
    assertTrue(refreshed.getInt("read") < 10, "only what changed is read: " + refreshed);

    List<JsonObject> stale = contacts("stale");
    assertEquals(Set.of("CUS-003", "CUS-004", "CUS-006", "SUP-012"), codes(stale));
    assertTrue(find(stale, "CUS-006").orElseThrow().getString("staleReason").contains("archived"));
    assertTrue(
        find(stale, "CUS-004")
            .orElseThrow()
            .getString("staleReason")
            .contains("Merged in Xero into Pacific Packaging Ltd"));
    // The contact it was merged into is offered for the relink.
    JsonObject into = candidates("CUS-004").getJsonArray("candidates").getJsonObject(0);
    assertEquals("Pacific Packaging Ltd", into.getString("name"));
    assertEquals(List.of("MERGED_INTO"), rules(into));
    // Stale links need attention again (the default list).
    assertTrue(codes(get(CONTACTS)).containsAll(Set.of("CUS-006", "CUS-004")));
  }

  @Test
  @Order(10)
  void unlinkAndRelink() {
    assertStatus(204, as("accountant", "DELETE", CONTACTS + "/CUS-006/link", null));
    assertEquals("UNLINKED", candidates("CUS-006").getString("state"));
    assertTrue(codes(contacts("unlinked")).contains("CUS-006"));
    assertProblem(404, as("accountant", "DELETE", CONTACTS + "/NO-SUCH/link", null));

    // Relink the merged one to the contact it was merged into.
    String packaging = xeroId("Pacific Packaging Ltd");
    HttpResponse<String> relinked =
        as("admin", "PUT", CONTACTS + "/CUS-004/link", "{\"xeroContactId\":\"" + packaging + "\"}");
    assertStatus(200, relinked);
    assertEquals("LINKED", json(relinked).getString("state"));
    assertFalse(json(relinked).containsKey("staleReason"));
  }

  @Test
  @Order(11)
  void contactNamesAreShownAsText() {
    String name = "<script>alert('x')</script> Widgets & \"Co\"";
    client.intake(
        TestTransactions.withContact(
            TestTransactions.withContact(
                TestTransactions.sale(TestTransactions.uniqueId("contact-xss"), 1),
                "code",
                "XSS-1"),
            "name",
            name));
    assertEquals(name, candidates("XSS-1").getString("name"));
    LedgerBridgeClient accountant = new LedgerBridgeClient(base);
    accountant.signIn("accountant", "accountant");
    HttpResponse<String> page = accountant.get("contacts/matching.xhtml?q=XSS-1&code=XSS-1");
    assertStatus(200, page);
    assertFalse(page.body().contains("<script>alert"), "escaped");
    assertTrue(page.body().contains("&lt;script&gt;alert"), page.body());
  }

  @Test
  @Order(12)
  void aViewerReadsContactMatchingWithoutItsControls() {
    String page = "contacts/matching.xhtml?q=XSS-1&code=XSS-1";
    LedgerBridgeClient accountant = new LedgerBridgeClient(base);
    accountant.signIn("accountant", "accountant");
    String withControls = accountant.get(page).body();
    assertTrue(withControls.contains("bulk:refresh"), withControls);
    assertTrue(withControls.contains("actions:create"), withControls);

    LedgerBridgeClient viewer = new LedgerBridgeClient(base);
    viewer.signIn("viewer", "viewer");
    HttpResponse<String> read = viewer.get(page);
    assertStatus(200, read);
    assertTrue(read.body().contains("XSS-1"), "the contact and its candidates are shown");
    for (String control : List.of("bulk:", "actions:", "search:", "offer:")) {
      assertFalse(read.body().contains("id=\"" + control), control);
    }
    assertFalse(read.body().contains("value=\"Link\""), "no Link buttons");
  }

  @Test
  @Order(99)
  void leavesTheSandboxAsSeeded() {
    ContactsSandbox.forgetLinks(client);
    ContactsSandbox.resetSandbox(client);
  }

  // ---- helpers
  // ------------------------------------------------------------------------------------

  private HttpResponse<String> as(String user, String method, String path, String body) {
    return ContactsSandbox.as(client, user, method, path, body);
  }

  private List<JsonObject> get(String path) {
    HttpResponse<String> response = as("accountant", "GET", path, null);
    assertStatus(200, response);
    return json(response).getJsonArray("contacts").getValuesAs(JsonObject.class);
  }

  private List<JsonObject> contacts(String state) {
    return get(CONTACTS + "?state=" + state);
  }

  private JsonObject candidates(String code) {
    HttpResponse<String> response =
        as("accountant", "GET", CONTACTS + "/" + code + "/candidates", null);
    assertStatus(200, response);
    return json(response);
  }

  private static Set<String> codes(List<JsonObject> contacts) {
    return contacts.stream().map(c -> c.getString("code")).collect(Collectors.toSet());
  }

  private static Optional<JsonObject> find(List<JsonObject> contacts, String code) {
    return contacts.stream().filter(c -> c.getString("code").equals(code)).findFirst();
  }

  private static List<String> rules(JsonObject candidate) {
    return candidate.getJsonArray("evidence").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("rule"))
        .toList();
  }

  private List<JsonObject> sandboxContacts() {
    HttpResponse<String> response = as("admin", "GET", CONSOLE, null);
    assertStatus(200, response);
    return json(response).getJsonArray("items").getValuesAs(JsonObject.class);
  }

  private Optional<JsonObject> sandboxContact(String id) {
    return sandboxContacts().stream()
        .filter(i -> i.getString("id").equals(id))
        .map(i -> i.getJsonObject("document"))
        .findFirst();
  }

  private String xeroId(String name) {
    String id =
        sandboxContacts().stream()
            .filter(i -> name.equals(i.getJsonObject("document").getString("Name", null)))
            .map(i -> i.getString("id"))
            .findFirst()
            .orElse(null);
    assertNotNull(id, name);
    return id;
  }
}
