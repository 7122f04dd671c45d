package io.ledgerbridge.xero.control;

import io.ledgerbridge.platform.JsonFactory;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Speaks to Xero's identity server ({@code /connect/token}, {@code /connect/revocation}) and the
 * {@code /connections} endpoint — the OAuth side of Xero, separate from the Accounting API client.
 * Client authentication is HTTP Basic, as Xero documents; a PKCE app without a secret sends its
 * {@code client_id} in the form instead. Never logs a token or a secret.
 *
 * <p>Time-outs are short on purpose: a token renewal runs while holding the connection row's lock,
 * and {@link #longestCall()} must stay below the time others wait for that lock.
 */
public class IdentityClient {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  static final Duration TIMEOUT = Duration.ofSeconds(6);

  private final HttpClient http;
  private final Clock clock;

  public IdentityClient(HttpClient http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  public static HttpClient newHttpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** The longest one identity call may take: connecting, then waiting for the answer. */
  public static Duration longestCall() {
    return CONNECT_TIMEOUT.plus(TIMEOUT);
  }

  public TokenGrant exchangeCode(
      String tokenUrl,
      String clientId,
      String secret,
      String code,
      String redirectUri,
      String verifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    form.put("code_verifier", verifier);
    return token(tokenUrl, clientId, secret, form);
  }

  public TokenGrant refresh(String tokenUrl, String clientId, String secret, String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    return token(tokenUrl, clientId, secret, form);
  }

  public TokenGrant clientCredentials(
      String tokenUrl, String clientId, String secret, String scopes) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    if (scopes != null && !scopes.isBlank()) {
      form.put("scope", scopes);
    }
    return token(tokenUrl, clientId, secret, form);
  }

  /** Revokes a refresh token (and with it the user's connections for this app). */
  public void revoke(String revocationUrl, String clientId, String secret, String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", refreshToken);
    HttpResponse<String> response = post(revocationUrl, clientId, secret, form);
    if (response.statusCode() != 200) {
      throw failure(response, "Xero refused to revoke the token");
    }
  }

  /**
   * {@code GET /connections}.
   *
   * @throws IdentityException with status 401 when the access token is refused
   */
  public List<XeroConnectionInfo> connections(String connectionsUrl, String accessToken) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(connectionsUrl))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET(),
            connectionsUrl);
    if (response.statusCode() != 200) {
      throw failure(response, "Xero did not list the connected organisations");
    }
    List<XeroConnectionInfo> result = new ArrayList<>();
    JsonArray list;
    try (JsonReader reader = JsonFactory.createReader(new StringReader(response.body()))) {
      list = reader.readArray();
    } catch (RuntimeException e) {
      throw new IdentityException(502, null, "Xero's /connections answer is not a JSON array.");
    }
    for (JsonValue value : list) {
      if (value instanceof JsonObject c) {
        result.add(
            new XeroConnectionInfo(
                string(c, "id"),
                string(c, "tenantId"),
                string(c, "tenantName"),
                string(c, "tenantType"),
                string(c, "authEventId")));
      }
    }
    return result;
  }

  /**
   * {@code DELETE /connections/{id}}: whether it was removed (false when Xero no longer knew it).
   */
  public boolean deleteConnection(String connectionsUrl, String accessToken, String connectionId) {
    String url = connectionsUrl + "/" + URLEncoder.encode(connectionId, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .DELETE(),
            connectionsUrl);
    if (response.statusCode() == 404) {
      return false;
    }
    if (response.statusCode() / 100 != 2) {
      throw failure(response, "Xero did not remove the connection");
    }
    return true;
  }

  private TokenGrant token(
      String tokenUrl, String clientId, String secret, Map<String, String> form) {
    Instant sent = clock.instant();
    HttpResponse<String> response = post(tokenUrl, clientId, secret, form);
    if (response.statusCode() != 200) {
      throw failure(response, "Xero's token endpoint refused the request");
    }
    JsonObject body;
    try (JsonReader reader = JsonFactory.createReader(new StringReader(response.body()))) {
      body = reader.readObject();
    } catch (RuntimeException e) {
      throw new IdentityException(502, null, "Xero's token answer is not JSON.");
    }
    String access = string(body, "access_token");
    if (access == null) {
      throw new IdentityException(502, null, "Xero's token answer has no access_token.");
    }
    long expiresIn =
        body.containsKey("expires_in")
                && body.get("expires_in") instanceof jakarta.json.JsonNumber n
            ? n.longValue()
            : 1800;
    // Counted from when the request was sent, so the stored expiry is never late.
    return new TokenGrant(
        access, sent.plusSeconds(expiresIn), string(body, "refresh_token"), string(body, "scope"));
  }

  /**
   * A form POST with client authentication: HTTP Basic with the secret; without one (a PKCE app),
   * {@code client_id} in the form and no Authorization header.
   */
  private HttpResponse<String> post(
      String url, String clientId, String secret, Map<String, String> fields) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json");
    Map<String, String> body = new LinkedHashMap<>(fields);
    if (secret == null || secret.isBlank()) {
      body.put("client_id", clientId);
    } else {
      request.header("Authorization", basic(clientId, secret));
    }
    return send(request.POST(HttpRequest.BodyPublishers.ofString(form(body))), url);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String url) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IdentityException(503, null, "Xero (" + hostOf(url) + ") did not answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IdentityException(503, null, "Interrupted while waiting for Xero.");
    }
  }

  private static IdentityException failure(HttpResponse<String> response, String what) {
    String error = null;
    String body = response.body() == null ? "" : response.body();
    if (body.startsWith("{")) {
      try (JsonReader reader = JsonFactory.createReader(new StringReader(body))) {
        JsonObject json = reader.readObject();
        error = string(json, "error");
        if (error == null) {
          error = string(json, "Detail");
        }
      } catch (RuntimeException e) {
        error = null;
      }
    }
    return new IdentityException(
        response.statusCode(),
        error,
        what + " (HTTP " + response.statusCode() + (error == null ? "" : ", " + error) + ").");
  }

  private static String string(JsonObject json, String name) {
    JsonValue value = json.get(name);
    return value instanceof jakarta.json.JsonString s ? s.getString() : null;
  }

  private static String hostOf(String url) {
    try {
      return URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return "?";
    }
  }

  private static String basic(String clientId, String secret) {
    String pair =
        URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + ":"
            + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static String form(Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (k, v) -> {
          if (body.length() > 0) {
            body.append('&');
          }
          body.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    return body.toString();
  }
}
