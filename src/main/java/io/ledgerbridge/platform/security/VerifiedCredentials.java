package io.ledgerbridge.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a few minutes, which username/password pairs were verified, so that scripts using
 * HTTP Basic on the REST API do not pay a deliberately slow PBKDF2 hash on every call. Pairs are
 * kept only as an HMAC under a key that never leaves this JVM, together with the password hash they
 * were verified against: a password reset or a disabled account takes effect at once.
 */
@ApplicationScoped
public class VerifiedCredentials {

  private static final Duration TTL = Duration.ofMinutes(5);
  private static final int MAX_ENTRIES = 10_000;

  private record Entry(String username, String passwordHash, Instant expires) {}

  private final byte[] key = new byte[32];
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  public VerifiedCredentials() {
    new SecureRandom().nextBytes(key);
  }

  /** The password hash this pair was verified against, if it was verified recently. */
  public Optional<String> verifiedHash(String username, char[] password) {
    String id = id(username, password);
    Entry entry = entries.get(id);
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.expires().isBefore(Instant.now())) {
      entries.remove(id);
      return Optional.empty();
    }
    return Optional.of(entry.passwordHash());
  }

  public void remember(String username, char[] password, String passwordHash) {
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(id(username, password), new Entry(username, passwordHash, Instant.now().plus(TTL)));
  }

  private String id(String username, char[] password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(username.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      mac.update(new String(password).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
