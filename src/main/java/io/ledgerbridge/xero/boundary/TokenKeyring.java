package io.ledgerbridge.xero.boundary;

import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import io.ledgerbridge.xero.control.TokenCipher;
import io.ledgerbridge.xero.control.TokenKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The token cipher, with its key loaded (or the key file created) on first use. Purposes name what
 * a value is, so one stored value cannot stand in for another.
 */
@ApplicationScoped
public class TokenKeyring {

  public static final String ACCESS = "xero.access-token";
  public static final String REFRESH = "xero.refresh-token";
  public static final String CLIENT_SECRET = "xero.client-secret";

  @Inject private LedgerBridgeConfig config;
  private volatile TokenCipher cipher;

  public TokenCipher cipher() {
    TokenCipher current = cipher;
    if (current == null) {
      synchronized (this) {
        if (cipher == null) {
          cipher =
              new TokenCipher(TokenKeys.load(config.xeroTokenKey(), config.xeroTokenKeyFile()));
        }
        current = cipher;
      }
    }
    return current;
  }

  public String encrypt(String purpose, String plain) {
    return cipher().encrypt(purpose, plain);
  }

  public String decrypt(String purpose, String stored) {
    return cipher().decrypt(purpose, stored);
  }
}
