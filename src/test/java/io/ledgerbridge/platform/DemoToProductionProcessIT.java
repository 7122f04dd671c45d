package io.ledgerbridge.platform;

import static io.ledgerbridge.testing.LedgerBridgeClient.assertStatus;
import static io.ledgerbridge.testing.LedgerBridgeClient.basic;
import static io.ledgerbridge.testing.LedgerBridgeClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.testing.LedgerBridgeClient;
import io.ledgerbridge.testing.PayaraProcess;
import io.ledgerbridge.testing.TestTransactions;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A company tries LedgerBridge in demo mode, connects the built-in sandbox, then IT restarts the
 * same data folder in production mode. Two real Payara Micro processes over one H2 database: the
 * data folder and its database password stay private to the server's user, the demo connection is
 * disconnected (so its token goes nowhere), and the transactions are kept.
 */
class DemoToProductionProcessIT {

  static final String ADMIN = "it-admin";
  static final String ADMIN_PASSWORD = "it-admin-Passw0rd!";

  @Test
  void aSandboxConnectionFromDemoModeIsDisconnectedInProductionAndTheDataIsKept()
      throws IOException {
    Path data = Path.of(System.getProperty("it.buildDir", "target"), "it-data-demo-to-production");
    deleteTree(data);
    String sourceId = TestTransactions.uniqueId("demo-kept");

    try (PayaraProcess demo =
        PayaraProcess.start(
            "demo",
            Map.of("LEDGERBRIDGE_DEMO", "true", "LEDGERBRIDGE_DATA_DIR", data.toString()))) {
      LedgerBridgeClient client = new LedgerBridgeClient(demo.base());
      assertEquals(1, client.intake(TestTransactions.sale(sourceId, 2)).size());
      assertStatus(
          200,
          client.asAdmin("PUT", "api/v1/xero/connection", "{\"mode\":\"client_credentials\"}"));
      assertTrue(
          json(client.asAdmin("GET", "api/v1/xero/connection", null)).getBoolean("connected"));
    }

    if (data.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertEquals(
          PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(data));
      assertEquals(
          PosixFilePermissions.fromString("rw-------"),
          Files.getPosixFilePermissions(data.resolve("h2.password")));
      assertEquals(
          PosixFilePermissions.fromString("rw-------"),
          Files.getPosixFilePermissions(data.resolve("xero-token.key")));
    }
    assertTrue(
        Files.readString(data.resolve("h2.password")).trim().length() >= 32,
        "the embedded database has a generated password");

    try (PayaraProcess production =
        PayaraProcess.start(
            "production",
            Map.of(
                "LEDGERBRIDGE_DEMO",
                "false",
                "LEDGERBRIDGE_DATA_DIR",
                data.toString(),
                "LEDGERBRIDGE_ADMIN_USERNAME",
                ADMIN,
                "LEDGERBRIDGE_ADMIN_PASSWORD",
                ADMIN_PASSWORD))) {
      LedgerBridgeClient client = new LedgerBridgeClient(production.base());
      String admin = basic(ADMIN, ADMIN_PASSWORD);
      JsonObject connection = json(client.call(admin, "GET", "api/v1/xero/connection", null));
      assertFalse(connection.getBoolean("connected"), connection::toString);

      HttpResponse<String> test = client.call(admin, "POST", "api/v1/xero/connection-test", null);
      if (test.statusCode() == 200) {
        assertFalse(json(test).getBoolean("ok"), test::body);
      }
      assertStatus(404, client.get("sandbox/api.xro/2.0/Organisation"));

      JsonObject audit =
          json(client.call(admin, "GET", "api/v1/audit?action=xero.disconnect", null));
      assertTrue(
          audit.toString().contains("built-in Xero sandbox"),
          () -> "the disconnection is audited: " + audit);
      assertTrue(production.log().contains("is now disconnected"), "the server log says so, once");

      HttpResponse<String> kept =
          client.call(admin, "GET", "api/v1/transactions/SALE/" + sourceId, null);
      assertStatus(200, kept);
      assertEquals(2, json(kept).getInt("version"), kept::body);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
