package io.ledgerbridge.xero.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link XeroTokenSource} for tests: the demo custom connection's client_credentials grant at the
 * sandbox's token endpoint. It can start from a token the sandbox never issued (as a revoked one
 * would look), or keep handing out bad tokens, to test the client's one renewal after a 401.
 */
public final class SandboxTokens implements XeroTokenSource {

  public static final String DEMO_ORG = "b0c1a2d3-0000-4000-8000-00000000d3a0";

  private final URI tokenEndpoint;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final AtomicInteger renewals = new AtomicInteger();
  private final boolean alwaysBad;
  private volatile String token;

  private SandboxTokens(URI tokenEndpoint, String firstToken, boolean alwaysBad) {
    this.tokenEndpoint = tokenEndpoint;
    this.token = firstToken;
    this.alwaysBad = alwaysBad;
  }

  /** Tokens for the demo organisation from the sandbox under {@code base} (…/ledgerbridge/). */
  public static SandboxTokens demo(URI base) {
    return new SandboxTokens(base.resolve("sandbox/identity/connect/token"), null, false);
  }

  /** Starts with a token Xero would refuse (401); renewing gives a good one. */
  public static SandboxTokens startingRevoked(URI base) {
    return new SandboxTokens(
        base.resolve("sandbox/identity/connect/token"), "revoked-" + System.nanoTime(), false);
  }

  /** Never a good token: every call is refused. */
  public static SandboxTokens alwaysRefused(URI base) {
    return new SandboxTokens(
        base.resolve("sandbox/identity/connect/token"), "revoked-" + System.nanoTime(), true);
  }

  /** The API base URL of the sandbox under {@code base}. */
  public static String apiBase(URI base) {
    return base.resolve("sandbox/api.xro/2.0").toString();
  }

  public static XeroTarget demoTarget(URI base, XeroTokenSource tokens) {
    return new XeroTarget(apiBase(base), DEMO_ORG, tokens);
  }

  public int renewals() {
    return renewals.get();
  }

  @Override
  public synchronized String accessToken() {
    if (token == null) {
      token = fetch();
    }
    return token;
  }

  @Override
  public synchronized String renewAfterUnauthorized(String refusedToken) {
    renewals.incrementAndGet();
    if (alwaysBad) {
      token = "still-revoked-" + System.nanoTime();
    } else if (refusedToken.equals(token)) {
      token = fetch();
    }
    return token;
  }

  private String fetch() {
    String basic =
        Base64.getEncoder()
            .encodeToString("ledgerbridge-demo:demo-secret".getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(tokenEndpoint)
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("token endpoint answered " + response.statusCode());
      }
      try (var reader = Json.createReader(new StringReader(response.body()))) {
        JsonObject json = reader.readObject();
        return json.getString("access_token");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
