package io.ledgerbridge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.testing.LedgerBridgeClient;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls to the sandbox's Accounting API as the sandbox ITs make them: a custom-connection token for
 * the demo client, and every call's request and answer checked against Xero's OpenAPI description
 * (skipped, and said so, where the description is absent).
 */
final class SandboxCalls {

  static final String API = "sandbox/api.xro/2.0/";

  private final LedgerBridgeClient client;

  SandboxCalls(LedgerBridgeClient client) {
    this.client = client;
  }

  /** An access token for the demo client's custom connection (Demo Company (NZ)). */
  String customConnectionToken() {
    HttpResponse<String> response =
        client.send(
            client
                .request("sandbox/identity/connect/token")
                .header(
                    "Authorization", LedgerBridgeClient.basic("ledgerbridge-demo", "demo-secret"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    assertEquals(200, response.statusCode(), response.body());
    return LedgerBridgeClient.json(response).getString("access_token");
  }

  /** The same, asking for these scopes: the answer must grant exactly them. */
  String customConnectionToken(String scope) {
    HttpResponse<String> response =
        client.send(
            client
                .request("sandbox/identity/connect/token")
                .header(
                    "Authorization", LedgerBridgeClient.basic("ledgerbridge-demo", "demo-secret"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&scope=" + enc(scope))));
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(scope, LedgerBridgeClient.json(response).getString("scope"));
    return LedgerBridgeClient.json(response).getString("access_token");
  }

  HttpRequest.Builder request(String token, String path) {
    return client
        .request(API + path)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  /** One call; a 200 or 400 answer must conform to Xero's description of the operation. */
  HttpResponse<String> call(String method, String token, String path, String body) {
    return call(method, token, null, path, body);
  }

  /** The same with an {@code xero-tenant-id} (null for none, as custom connections may). */
  HttpResponse<String> call(String method, String token, String tenant, String path, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + token);
    headers.put("Accept", "application/json");
    if (tenant != null) {
      headers.put("xero-tenant-id", tenant);
    }
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    HttpRequest.Builder request = client.request(API + path);
    headers.forEach(request::header);
    HttpResponse<String> response =
        client.send(
            request.method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)));
    if (response.statusCode() == 200 || response.statusCode() == 400) {
      List<String> violations =
          XeroConformance.violations(method, client.uri(API + path), headers, body, response);
      assertTrue(violations.isEmpty(), String.join("\n", violations));
    }
    return response;
  }

  static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
