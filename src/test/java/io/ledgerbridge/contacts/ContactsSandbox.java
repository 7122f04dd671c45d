package io.ledgerbridge.contacts;

import static io.ledgerbridge.testing.LedgerBridgeClient.assertStatus;
import static io.ledgerbridge.testing.LedgerBridgeClient.json;

import io.ledgerbridge.testing.LedgerBridgeClient;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/**
 * The IT classes of one failsafe execution share the database (and so the sandbox's documents, the
 * Xero connection and the contact links): the contact tests start from the sandbox's seed, a fresh
 * connection, no links and a fully re-read contact cache, and put the seed back when done.
 */
public final class ContactsSandbox {

  private ContactsSandbox() {}

  public static HttpResponse<String> as(
      LedgerBridgeClient client, String user, String method, String path, String body) {
    return client.as(user, method, path, body);
  }

  /** Back to the sandbox's seed. */
  public static void resetSandbox(LedgerBridgeClient client) {
    assertStatus(200, as(client, "admin", "POST", "api/v1/sandbox/reset", ""));
  }

  /** Disconnected: no organisation. */
  public static void disconnect(LedgerBridgeClient client) {
    as(client, "admin", "DELETE", "api/v1/xero/connection", null);
  }

  public static void connect(LedgerBridgeClient client) {
    assertStatus(
        200,
        as(client, "admin", "PUT", "api/v1/xero/connection", "{\"mode\":\"client_credentials\"}"));
  }

  /** Removes every link and re-reads all of Xero's contacts. */
  public static void forgetLinks(LedgerBridgeClient client) {
    assertStatus(200, as(client, "admin", "POST", "api/v1/contacts/refresh?full=true", null));
    HttpResponse<String> all = as(client, "admin", "GET", "api/v1/contacts?state=all", null);
    assertStatus(200, all);
    for (JsonObject c : json(all).getJsonArray("contacts").getValuesAs(JsonObject.class)) {
      if (!"UNLINKED".equals(c.getString("state"))) {
        assertStatus(
            204,
            as(
                client,
                "admin",
                "DELETE",
                "api/v1/contacts/" + c.getString("code") + "/link",
                null));
      }
    }
  }
}
