package io.ledgerbridge.xero.control;

import io.ledgerbridge.platform.config.LedgerBridgeConfig.XeroUrls;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;

/**
 * One authorisation-code attempt between "Connect" and the callback, kept in the admin's session:
 * the {@code state} that must come back unchanged, the PKCE verifier, and the app and URLs chosen
 * at connect time (for the sandbox these depend on the request). Good for ten minutes, once ({@link
 * PendingAuthorisations}).
 */
public record PendingAuthorisation(
    String state,
    String codeVerifier,
    String clientId,
    String redirectUri,
    String scopes,
    XeroUrls urls,
    Instant startedAt)
    implements Serializable {

  public static final Duration LIFETIME = Duration.ofMinutes(10);

  public static PendingAuthorisation start(
      String clientId, String redirectUri, String scopes, XeroUrls urls, Instant now) {
    return new PendingAuthorisation(
        Pkce.randomUrlSafe(24), Pkce.newVerifier(), clientId, redirectUri, scopes, urls, now);
  }

  /** Where to send the browser: the consent page with state and the S256 challenge. */
  public String authorizeUrl() {
    return urls.authorize()
        + (urls.authorize().contains("?") ? "&" : "?")
        + "response_type=code&client_id="
        + enc(clientId)
        + "&redirect_uri="
        + enc(redirectUri)
        + "&scope="
        + enc(scopes)
        + "&state="
        + enc(state)
        + "&code_challenge="
        + Pkce.s256(codeVerifier)
        + "&code_challenge_method=S256";
  }

  /** Whether the callback's {@code state} is this attempt's, in time. Compared in constant time. */
  public boolean accepts(String returnedState, Instant now) {
    return returnedState != null
        && MessageDigest.isEqual(
            state.getBytes(StandardCharsets.UTF_8), returnedState.getBytes(StandardCharsets.UTF_8))
        && now.isBefore(startedAt.plus(LIFETIME));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return "PendingAuthorisation[clientId=" + clientId + ", startedAt=" + startedAt + "]";
  }
}
