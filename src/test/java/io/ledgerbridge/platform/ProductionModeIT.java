package io.ledgerbridge.platform;

import static io.ledgerbridge.testing.LedgerBridgeClient.assertStatus;
import static io.ledgerbridge.testing.LedgerBridgeClient.basic;
import static io.ledgerbridge.testing.LedgerBridgeClient.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ledgerbridge.testing.LedgerBridgeDeployment;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * LedgerBridge as IT deploys it for real: demo mode off (its own failsafe execution, see pom.xml),
 * an admin from configuration, and therefore no sandbox. Every sandbox URL must be a 404 and the
 * published demo credentials must not open anything.
 */
class ProductionModeIT extends LedgerBridgeDeployment {

  static final String ADMIN = "it-admin";
  static final String ADMIN_PASSWORD = "it-admin-Passw0rd!";

  @Test
  void everySandboxUrlIsNotFound() {
    for (String path :
        new String[] {
          "sandbox/identity/connect/authorize?response_type=code&client_id=ledgerbridge-demo",
          "sandbox/connections",
          "sandbox/api.xro/2.0/Organisation",
          "sandbox/api.xro/2.0/Invoices",
          "sandbox/anything/else"
        }) {
      HttpResponse<String> response =
          client.send(client.request(path).header("Accept", "application/json"));
      assertEquals(404, response.statusCode(), path);
      assertFalse(response.body().contains("Xero sandbox"), path);
    }
    HttpResponse<String> token =
        client.send(
            client
                .request("sandbox/identity/connect/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic("ledgerbridge-demo", "demo-secret"))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    assertStatus(404, token);
  }

  @Test
  void theSandboxConsoleIsNotFoundEvenForTheAdmin() {
    HttpResponse<String> api =
        client.send(
            client
                .request("api/v1/sandbox/organisations")
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)));
    assertStatus(404, api);
    // The import runner's crash switch (a test aid) exists in demo mode only.
    assertStatus(
        404,
        client.call(
            basic(ADMIN, ADMIN_PASSWORD),
            "POST",
            "api/v1/import-runs/faults",
            "{\"crashAfterSend\":1}"));

    client.signIn(ADMIN, ADMIN_PASSWORD);
    assertStatus(404, client.get("admin/sandbox.xhtml"));
    assertFalse(client.get("index.xhtml").body().contains("admin/sandbox.xhtml"));
  }

  @Test
  void demoCredentialsOpenNothingAndTheConfiguredAdminSignsIn() {
    assertStatus(
        401,
        client.send(
            client
                .request("api/v1/transactions")
                .header("Authorization", basic("admin", "admin"))));
    assertStatus(
        401,
        client.send(
            client
                .request("api/v1/transactions")
                .header("Authorization", bearer("demo-integration-token"))));
    HttpResponse<String> list =
        client.send(
            client
                .request("api/v1/transactions?kind=SALE")
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)));
    assertStatus(200, list);
    // No demo data outside demo mode.
    assertEquals(0, io.ledgerbridge.testing.LedgerBridgeClient.json(list).getInt("total"));
  }
}
