package io.ledgerbridge.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after too many failed sign-ins for one username, or from one address,
 * within a quarter of an hour, further attempts are refused without even checking the password
 * (which also keeps a flood of guesses from tying up the CPU with slow hashes). Per node.
 */
@ApplicationScoped
public class LoginThrottle {

  static final Duration WINDOW = Duration.ofMinutes(15);
  static final int MAX_PER_USER = 10;
  static final int MAX_PER_ADDRESS = 100;
  private static final int MAX_KEYS = 50_000;

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public boolean isBlocked(String username, String address) {
    Instant now = Instant.now();
    return count(userKey(username), now) >= MAX_PER_USER
        || count("ip:" + address, now) >= MAX_PER_ADDRESS;
  }

  public void failed(String username, String address) {
    if (failures.size() > MAX_KEYS) {
      failures.clear();
    }
    Instant now = Instant.now();
    record(userKey(username), now);
    record("ip:" + address, now);
  }

  public void succeeded(String username) {
    failures.remove(userKey(username));
  }

  private void record(String key, Instant now) {
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(now);
      prune(times, now);
    }
  }

  private int count(String key, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return 0;
    }
    synchronized (times) {
      prune(times, now);
      return times.size();
    }
  }

  private static void prune(Deque<Instant> times, Instant now) {
    while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
      times.removeFirst();
    }
  }

  private static String userKey(String username) {
    return "user:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
  }
}
