package io.ledgerbridge.xero.boundary;

import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import io.ledgerbridge.xero.control.TokenCipher;
import io.ledgerbridge.xero.control.TokenKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The token cipher, with its key loaded on first use. A missing key file is created with a new key
 * only when no stored connection holds values encrypted with the old one (or in demo mode, where
 * connecting again is free); otherwise the admin is told to restore it. Purposes name what a value
 * is, so one stored value cannot stand in for another.
 */
@ApplicationScoped
public class TokenKeyring {

  public static final String ACCESS = "xero.access-token";
  public static final String REFRESH = "xero.refresh-token";
  public static final String CLIENT_SECRET = "xero.client-secret";

  @Inject private LedgerBridgeConfig config;
  @PersistenceContext private EntityManager em;
  private volatile TokenCipher cipher;

  /**
   * @throws BusinessException.Unavailable when the key file is missing while stored values need it
   */
  public TokenCipher cipher() {
    TokenCipher current = cipher;
    if (current == null) {
      synchronized (this) {
        if (cipher == null) {
          try {
            cipher =
                new TokenCipher(
                    TokenKeys.load(
                        config.xeroTokenKey(), config.xeroTokenKeyFile(), mayCreateKey()));
          } catch (TokenKeys.KeyFileMissing e) {
            throw new BusinessException.Unavailable(e.getMessage());
          }
        }
        current = cipher;
      }
    }
    return current;
  }

  public String encrypt(String purpose, String plain) {
    return cipher().encrypt(purpose, plain);
  }

  /**
   * @throws TokenCipher.TamperedException when the value was altered or the key changed
   */
  public String decrypt(String purpose, String stored) {
    return cipher().decrypt(purpose, stored);
  }

  /** Every connection row holds encrypted values (at least the client secret). */
  private boolean mayCreateKey() {
    return XeroSetup.demoMode(config)
        || em.createQuery("SELECT COUNT(c) FROM XeroConnection c", Long.class).getSingleResult()
            == 0;
  }
}
