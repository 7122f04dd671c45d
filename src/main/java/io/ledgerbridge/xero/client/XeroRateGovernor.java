package io.ledgerbridge.xero.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps this node's calls to one organisation inside Xero's limits (xero-api.md §14): at most
 * {@code maxInFlight} (≤ 5) calls in flight, and paced by the budget Xero reports on every answer.
 * All threads of the node share one governor per tenant ({@link XeroGovernors}).
 *
 * <p>Pacing. Every answer carries {@code X-MinLimit-Remaining}, {@code X-DayLimit-Remaining} and
 * {@code X-AppMinLimit-Remaining}. The governor numbers its calls and keeps the newest answer's
 * figures; the budget it assumes is that figure minus the calls sent since (not yet answered). When
 * the minute budget is down to {@code minuteReserve}, new calls wait for the end of Xero's fixed
 * minute window. The window's start is learnt from the answers: a figure that went up means a new
 * window began while that call was under way (the governor takes the answer's arrival, the late
 * side); a 429's {@code Retry-After} gives its end to the second. After a window's assumed end, no
 * more calls go out than the last window held until an answer confirms the new one. When the day
 * budget is down to {@code dayReserve}, or Xero answered a 429 for the day limit, calls fail at
 * once with {@link XeroException.DailyLimitReached}: the work must be rescheduled, not slept on. A
 * 429 for the minute or app-minute limit blocks every caller until {@code Retry-After} (plus
 * jitter); one for the concurrency limit (no Retry-After) backs off exponentially.
 *
 * <p>Several nodes, one organisation. Xero counts per organisation and app, and the remaining
 * figures in its headers are those global counts, so each node paces itself by what all nodes
 * together have used, as of its own latest answer. What remains imperfect: between two of its
 * answers a node does not see the others' calls, so together they can overshoot the minute budget
 * by up to the calls the other nodes send in that gap; those calls get a 429 and are retried after
 * {@code Retry-After} (they are refused, so they cost nothing but time), and every node then knows
 * the window's end. The concurrency limit (5) cannot be seen in headers at all: give each of N
 * nodes {@code max-in-flight} = 5 / N (rounded down, at least 1); a concurrency 429 is backed off
 * and retried. A {@code minute-reserve} keeps calls back for interactive use or for the other
 * nodes. A shared counter in the database would make it exact but would cost a round trip per call;
 * the headers keep it within a few calls of exact without one.
 */
public final class XeroRateGovernor {

  /** A started call: its number and when it was sent. */
  public record Permit(long sequence, Instant sentAt) {}

  /** What the governor knows, for the API budget panel and tests. */
  public record State(
      int inFlight,
      Integer minuteRemaining,
      Integer dayRemaining,
      Integer appMinuteRemaining,
      Instant observedAt,
      Instant windowEnds,
      Instant blockedUntil,
      Instant dayBlockedUntil) {}

  private static final Duration DAY_FIGURE_TRUSTED_FOR = Duration.ofHours(1);

  private final String tenantId;
  private final XeroClientSettings settings;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock(true);
  private final Condition changed = lock.newCondition();

  private final java.util.TreeSet<Long> inFlight = new java.util.TreeSet<>();
  private long lastIssued;
  private long lastObserved;
  private Integer minuteRemaining;
  private Integer dayRemaining;
  private Integer appRemaining;
  private Instant observedAt;
  private Instant windowStart;
  private Integer windowLimit;
  private Instant blockedUntil;
  private Instant dayBlockedUntil;
  private int concurrentStrikes;

  public XeroRateGovernor(String tenantId, XeroClientSettings settings, Clock clock) {
    this.tenantId = tenantId;
    this.settings = settings;
    this.clock = clock;
  }

  public String tenantId() {
    return tenantId;
  }

  /**
   * Waits until a call may start, and counts it as in flight: give the permit back with {@link
   * #onAnswer} or {@link #onNoAnswer}.
   *
   * @throws XeroException.DailyLimitReached when the day budget is spent
   */
  public Permit acquire(String endpoint) {
    lock.lock();
    try {
      while (true) {
        Optional<Permit> permit = tryAcquire(endpoint);
        if (permit.isPresent()) {
          return permit.get();
        }
        Duration wait = delay(clock.instant(), endpoint);
        changed.await(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new XeroException.Unavailable(0, endpoint, List.of("interrupted while waiting"), null);
    } finally {
      lock.unlock();
    }
  }

  /** A permit if a call may start now, without waiting. */
  public Optional<Permit> tryAcquire(String endpoint) {
    lock.lock();
    try {
      Instant now = clock.instant();
      if (!delay(now, endpoint).isZero()) {
        return Optional.empty();
      }
      inFlight.add(++lastIssued);
      return Optional.of(new Permit(lastIssued, now));
    } finally {
      lock.unlock();
    }
  }

  /**
   * How long a new call must wait from {@code now} (zero: it may start).
   *
   * @throws XeroException.DailyLimitReached when the day budget is spent
   */
  Duration delay(Instant now, String endpoint) {
    if (dayBlockedUntil != null && now.isBefore(dayBlockedUntil)) {
      throw new XeroException.DailyLimitReached(
          endpoint, Duration.between(now, dayBlockedUntil), "Xero answered 429 day", null);
    }
    long unobserved = uncounted();
    if (dayRemaining != null
        && now.isBefore(observedAt.plus(DAY_FIGURE_TRUSTED_FOR))
        && dayRemaining - unobserved <= settings.dayReserve()) {
      throw new XeroException.DailyLimitReached(
          endpoint,
          null,
          "X-DayLimit-Remaining was " + dayRemaining + ", reserve " + settings.dayReserve(),
          null);
    }
    if (blockedUntil != null && now.isBefore(blockedUntil)) {
      return Duration.between(now, blockedUntil);
    }
    if (inFlight.size() >= settings.maxInFlight()) {
      return settings.minuteWindow(); // woken early when a call comes back
    }
    if (minuteRemaining != null) {
      Instant windowEnds = windowStart.plus(settings.minuteWindow());
      if (now.isBefore(windowEnds)) {
        boolean minuteSpent = minuteRemaining - unobserved <= settings.minuteReserve();
        boolean appSpent = appRemaining != null && appRemaining - unobserved <= 0;
        if (minuteSpent || appSpent) {
          return Duration.between(now, windowEnds);
        }
      } else if (windowLimit != null
          && inFlight.size() >= Math.max(1, windowLimit - settings.minuteReserve())) {
        // A new window, not yet confirmed by an answer: no more calls than a window holds.
        return settings.minuteWindow(); // woken early when a call comes back
      }
    }
    return Duration.ZERO;
  }

  /**
   * Learns from an answer: the remaining-headers (any of them may be null), and for a 429 the
   * problem and Retry-After.
   */
  public void onAnswer(
      Permit permit,
      int status,
      Integer minute,
      Integer day,
      Integer appMinute,
      String problem,
      Duration retryAfter) {
    lock.lock();
    try {
      Instant now = clock.instant();
      inFlight.remove(permit.sequence());
      if (minute != null && permit.sequence() > lastObserved && status != 429) {
        Duration window = settings.minuteWindow();
        if (minuteRemaining == null
            || minute > minuteRemaining
            || !permit.sentAt().isBefore(windowStart.plus(window))) {
          // The first figure, one that went up, or a call sent after the window's (late-side)
          // end: a window began while this call was on its way. Taking the answer's arrival as
          // its start errs on the late side (by one call's latency) rather than sending into the
          // old window's last moments and meeting a 429. The window holds about this many calls
          // (fewer if others called first: the safe side).
          windowStart = now;
          windowLimit = minute + 1;
        } else if (!now.isBefore(windowStart.plus(window))) {
          // The window we expected to be over is not: look again a little later.
          windowStart = now.minus(window).plus(window.dividedBy(10));
        }
        minuteRemaining = minute;
        dayRemaining = day;
        appRemaining = appMinute;
        observedAt = now;
        lastObserved = permit.sequence();
      } else if (minute != null && minuteRemaining != null) {
        // An older call answering late: if Xero counted it after the newest answer, its figure
        // is lower, and the budget is at most that (see uncounted()).
        minuteRemaining = Math.min(minuteRemaining, minute);
        dayRemaining = min(dayRemaining, day);
        appRemaining = min(appRemaining, appMinute);
      }
      if (status == 429) {
        onRateLimited(now, problem, retryAfter);
      } else {
        concurrentStrikes = 0;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void onRateLimited(Instant now, String problem, Duration retryAfter) {
    String kind = problem == null ? "" : problem.trim().toLowerCase(java.util.Locale.ROOT);
    if (kind.equals("day")) {
      dayBlockedUntil = now.plus(retryAfter != null ? retryAfter : Duration.ofHours(1));
      return;
    }
    Instant until;
    if (retryAfter != null && (kind.equals("minute") || kind.contains("app"))) {
      until = now.plus(retryAfter).plus(jitter());
      if (kind.equals("minute")) {
        // Retry-After is the end of the organisation's window: the best estimate of it there is.
        windowStart = now.plus(retryAfter).minus(settings.minuteWindow());
        minuteRemaining = 0;
      }
    } else {
      long factor = 1L << Math.min(concurrentStrikes++, 6);
      Duration backoff = settings.retryBaseDelay().multipliedBy(factor);
      Duration cap = settings.minuteWindow();
      until = now.plus(backoff.compareTo(cap) > 0 ? cap : backoff).plus(jitter());
    }
    if (blockedUntil == null || until.isAfter(blockedUntil)) {
      blockedUntil = until;
    }
  }

  /**
   * Calls the newest figure may not include: those sent after the call it came with, and those sent
   * before it that are still unanswered (Xero may count them after it: answers do not arrive in the
   * order calls were sent). When one of the latter answers, its figure (lower if it was counted
   * later) replaces the newest one if lower, so the estimate stays on the safe side.
   */
  private long uncounted() {
    return (lastIssued - lastObserved) + inFlight.headSet(lastObserved).size();
  }

  private static Integer min(Integer a, Integer b) {
    return a == null ? b : b == null ? a : Integer.valueOf(Math.min(a, b));
  }

  /** Up to a twentieth of the window (3 s of Xero's minute), so waiting nodes do not all return. */
  private Duration jitter() {
    long max = Math.max(1, settings.minuteWindow().toMillis() / 20);
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(max));
  }

  /** A call that got no answer (time-out, dropped connection): only the in-flight count changes. */
  public void onNoAnswer(Permit permit) {
    lock.lock();
    try {
      inFlight.remove(permit.sequence());
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  public State state() {
    lock.lock();
    try {
      return new State(
          inFlight.size(),
          minuteRemaining,
          dayRemaining,
          appRemaining,
          observedAt,
          windowStart == null ? null : windowStart.plus(settings.minuteWindow()),
          blockedUntil,
          dayBlockedUntil);
    } finally {
      lock.unlock();
    }
  }
}
