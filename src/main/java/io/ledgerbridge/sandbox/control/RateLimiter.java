package io.ledgerbridge.sandbox.control;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Xero's API limits, per app and organisation: calls in flight, calls per minute and per day in
 * fixed windows, and calls per minute for the app across organisations. Refused calls do not count.
 * The windows' length comes from the settings, so tests can use a "minute" of a few seconds.
 */
public final class RateLimiter {

  /** Calls left after this one, for the X-*-Remaining headers. */
  public record Remaining(int minute, int day, int appMinute) {}

  /** The outcome of asking for a call: a permit, or the limit hit and how long to wait. */
  public record Decision(
      boolean granted, Remaining remaining, String problem, Long retryAfterSeconds) {}

  private static final class Window {
    Instant start;
    int count;

    int countIn(Instant now, Duration length) {
      if (start == null || !now.isBefore(start.plus(length))) {
        start = now;
        count = 0;
      }
      return count;
    }

    long secondsLeft(Instant now, Duration length) {
      return Math.max(
          1, (long) Math.ceil(Duration.between(now, start.plus(length)).toMillis() / 1000.0));
    }
  }

  private final Map<String, Window> minutes = new HashMap<>();
  private final Map<String, Window> days = new HashMap<>();
  private final Map<String, Window> appMinutes = new HashMap<>();
  private final Map<String, Integer> inFlight = new HashMap<>();

  public synchronized Decision acquire(
      String clientId, String orgId, Instant now, SandboxSettings s) {
    String key = clientId + "|" + orgId;
    Window minute = minutes.computeIfAbsent(key, k -> new Window());
    Window day = days.computeIfAbsent(key, k -> new Window());
    Window app = appMinutes.computeIfAbsent(clientId, k -> new Window());
    int minuteCount = minute.countIn(now, s.minuteWindow());
    int dayCount = day.countIn(now, Duration.ofDays(1));
    int appCount = app.countIn(now, s.minuteWindow());
    Remaining before =
        new Remaining(
            Math.max(0, s.minuteLimit() - minuteCount),
            Math.max(0, s.dayLimit() - dayCount),
            Math.max(0, s.appMinuteLimit() - appCount));
    if (dayCount >= s.dayLimit()) {
      return new Decision(false, before, "day", day.secondsLeft(now, Duration.ofDays(1)));
    }
    if (appCount >= s.appMinuteLimit()) {
      return new Decision(false, before, "appminute", app.secondsLeft(now, s.minuteWindow()));
    }
    if (minuteCount >= s.minuteLimit()) {
      return new Decision(false, before, "minute", minute.secondsLeft(now, s.minuteWindow()));
    }
    int flying = inFlight.getOrDefault(key, 0);
    if (flying >= s.concurrentLimit()) {
      return new Decision(false, before, "concurrent", null);
    }
    inFlight.put(key, flying + 1);
    minute.count++;
    day.count++;
    app.count++;
    return new Decision(
        true,
        new Remaining(before.minute() - 1, before.day() - 1, before.appMinute() - 1),
        null,
        null);
  }

  public synchronized void release(String clientId, String orgId) {
    inFlight.computeIfPresent(clientId + "|" + orgId, (k, v) -> v <= 1 ? null : v - 1);
  }

  /** Forgets every count, e.g. when the console resets the sandbox. */
  public synchronized void clear() {
    minutes.clear();
    days.clear();
    appMinutes.clear();
  }
}
