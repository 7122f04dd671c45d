package io.ledgerbridge.xero.control;

import io.ledgerbridge.platform.JsonFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads claims from a Xero access token (a JWT) that LedgerBridge itself just received from Xero's
 * token endpoint over TLS: which consent it came from ({@code authentication_event_id}) and which
 * Xero user ({@code xero_userid}). The signature is not checked: nothing here grants access, the
 * claims only order and compare. Anything unreadable gives empty.
 */
public final class AccessTokenClaims {

  private AccessTokenClaims() {}

  public static Optional<String> authEventId(String accessToken) {
    return claim(accessToken, "authentication_event_id");
  }

  public static Optional<String> userId(String accessToken) {
    return claim(accessToken, "xero_userid");
  }

  static Optional<String> claim(String jwt, String name) {
    if (jwt == null) {
      return Optional.empty();
    }
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try (JsonReader reader =
        JsonFactory.createReader(
            new StringReader(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
      JsonObject payload = reader.readObject();
      return payload.get(name) instanceof JsonString s && !s.getString().isBlank()
          ? Optional.of(s.getString())
          : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
