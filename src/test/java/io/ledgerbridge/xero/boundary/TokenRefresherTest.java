package io.ledgerbridge.xero.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.platform.audit.AuditLog;
import io.ledgerbridge.xero.control.TokenCipher;
import io.ledgerbridge.xero.entity.ConnectionMode;
import io.ledgerbridge.xero.entity.ConnectionStatus;
import io.ledgerbridge.xero.entity.XeroConnection;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PessimisticLockException;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The refresher's answers when it cannot use the stored tokens, without a container: the entity
 * manager is a stand-in that returns the row (or fails to lock it), and nothing reaches Xero.
 */
class TokenRefresherTest {

  private final List<String> audited = new ArrayList<>();

  private TokenRefresher refresher(Supplier<XeroConnection> find, TokenCipher cipher)
      throws ReflectiveOperationException {
    EntityManager em =
        (EntityManager)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {EntityManager.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "find" -> find.get();
                      case "unwrap" -> throw new IllegalStateException("no JDBC here");
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    TokenKeyring keyring = new TokenKeyring();
    set(keyring, "cipher", cipher);
    AuditLog audit =
        new AuditLog() {
          @Override
          public void record(String actor, String action, String subject, String details) {
            audited.add(action + ": " + details);
          }
        };
    TokenRefresher refresher = new TokenRefresher();
    set(refresher, "em", em);
    set(refresher, "keyring", keyring);
    set(refresher, "audit", audit);
    return refresher;
  }

  private static void set(Object target, String name, Object value)
      throws ReflectiveOperationException {
    Field field = target.getClass().getDeclaredField(name);
    field.setAccessible(true);
    field.set(target, value);
  }

  private static XeroConnection storedWith(TokenCipher cipher) {
    Instant now = Instant.now();
    XeroConnection c =
        new XeroConnection(
            ConnectionMode.AUTHORIZATION_CODE,
            "client",
            cipher.encrypt(TokenKeyring.CLIENT_SECRET, "secret"),
            "openid offline_access",
            "http://localhost:1/token",
            "http://localhost:1/revocation",
            "http://localhost:1/connections",
            "http://localhost:1/api.xro/2.0",
            now,
            "admin");
    c.storeTokens(
        cipher.encrypt(TokenKeyring.ACCESS, "access"),
        now.plus(Duration.ofMinutes(30)),
        cipher.encrypt(TokenKeyring.REFRESH, "refresh"),
        now);
    c.chooseOrganisation("tenant-1", "Demo Company (NZ)", "conn-1");
    return c;
  }

  @Test
  void tokensWrittenWithAnotherKeyMeanReconnectingNotAServerError() throws Exception {
    XeroConnection connection = storedWith(new TokenCipher(TokenCipher.newKey()));
    TokenRefresher refresher = refresher(() -> connection, new TokenCipher(TokenCipher.newKey()));

    TokenRefresher.Outcome outcome = refresher.renew(null);

    assertTrue(outcome.reconnectRequired());
    assertNull(outcome.accessToken());
    assertEquals(XeroConnections.KEY_CHANGED_MESSAGE, outcome.problem());
    assertEquals(ConnectionStatus.NEEDS_RECONNECT, connection.getStatus());
    assertEquals("tenant-1", connection.getTenantId(), "the organisation is kept");
    assertTrue(audited.get(0).contains("token key changed"), audited.toString());
  }

  @Test
  void aStillValidTokenIsUsedWithoutCallingXero() throws Exception {
    TokenCipher cipher = new TokenCipher(TokenCipher.newKey());
    XeroConnection connection = storedWith(cipher);
    assertEquals("access", refresher(() -> connection, cipher).renew(null).accessToken());
  }

  @Test
  void aLockNotGrantedInTimeIsAnAnswerToRetryNotAServerError() throws Exception {
    TokenRefresher refresher =
        refresher(
            () -> {
              throw new PessimisticLockException("lock timeout");
            },
            new TokenCipher(TokenCipher.newKey()));
    TokenRefresher.RenewalBusy busy =
        assertThrows(TokenRefresher.RenewalBusy.class, () -> refresher.renew(null));
    assertEquals(503, busy.status());
    assertTrue(busy.getMessage().contains("try again"), busy.getMessage());
  }
}
