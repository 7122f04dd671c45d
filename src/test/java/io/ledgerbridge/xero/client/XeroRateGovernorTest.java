package io.ledgerbridge.xero.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class XeroRateGovernorTest {

  private static final String E = "PUT Invoices";

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-11-29T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ManualClock clock = new ManualClock();
  private final XeroClientSettings settings = XeroClientSettings.defaults();
  private final XeroRateGovernor governor = new XeroRateGovernor("org", settings, clock);

  private XeroRateGovernor.Permit take() {
    return governor.tryAcquire(E).orElseThrow(() -> new AssertionError("no permit"));
  }

  private void ok(XeroRateGovernor.Permit p, int minute, int day) {
    governor.onAnswer(p, 200, minute, day, 9_000, null, null);
  }

  @Test
  void neverMoreThanFiveInFlight() {
    List<XeroRateGovernor.Permit> permits = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      permits.add(take());
    }
    assertTrue(governor.tryAcquire(E).isEmpty());
    governor.onNoAnswer(permits.get(0));
    assertEquals(4, governor.state().inFlight());
    take();
    assertTrue(governor.tryAcquire(E).isEmpty());
  }

  @Test
  void spendsTheMinuteBudgetThenWaitsForTheWindowToEnd() {
    XeroRateGovernor.Permit first = take();
    clock.advance(Duration.ofSeconds(1));
    ok(first, 3, 4000); // a window began while the first call was under way: say, now
    XeroRateGovernor.Permit a = take();
    XeroRateGovernor.Permit b = take();
    XeroRateGovernor.Permit c = take();
    // Three calls unanswered against three remaining: the budget is spent.
    assertTrue(governor.tryAcquire(E).isEmpty());
    assertEquals(Duration.ofSeconds(60), governor.delay(clock.instant(), E));
    clock.advance(Duration.ofSeconds(1));
    ok(a, 2, 3999);
    ok(b, 1, 3998);
    ok(c, 0, 3997);
    clock.advance(Duration.ofSeconds(58));
    assertTrue(governor.tryAcquire(E).isEmpty());
    assertEquals(Duration.ofSeconds(1), governor.delay(clock.instant(), E));
    clock.advance(Duration.ofSeconds(1));
    XeroRateGovernor.Permit next = take(); // a new window
    clock.advance(Duration.ofMillis(200));
    ok(next, 59, 3996);
    assertEquals(clock.instant().plus(Duration.ofSeconds(60)), governor.state().windowEnds());
    assertEquals(Duration.ZERO, governor.delay(clock.instant(), E));
  }

  @Test
  void aFreshWindowGetsNoMoreCallsThanTheLastWindowHeldUntilAnAnswerConfirmsIt() {
    XeroRateGovernor.Permit first = take();
    ok(first, 2, 4000); // a window of 3 calls
    ok(take(), 1, 3999);
    ok(take(), 0, 3998);
    assertTrue(governor.tryAcquire(E).isEmpty());
    clock.advance(Duration.ofSeconds(60));
    XeroRateGovernor.Permit a = take();
    take();
    take();
    assertTrue(governor.tryAcquire(E).isEmpty(), "a fourth call would meet a 429");
    ok(a, 2, 3997); // confirmed: the estimate governs again
    assertTrue(governor.tryAcquire(E).isEmpty()); // 2 left, 2 unanswered
  }

  @Test
  void aNewWindowIsRecognisedByTimeWhenTheOldOneWasNotSpent() {
    ok(take(), 2, 4000); // a window of 3, of which this call used one
    clock.advance(Duration.ofSeconds(61));
    XeroRateGovernor.Permit next = take();
    clock.advance(Duration.ofMillis(300));
    ok(next, 2, 3999); // the same figure, but sent after the window ended: a new window
    assertEquals(clock.instant().plus(Duration.ofSeconds(60)), governor.state().windowEnds());
    ok(take(), 1, 3998);
    ok(take(), 0, 3997);
    assertTrue(governor.tryAcquire(E).isEmpty());
  }

  @Test
  void answersOutOfOrderDoNotOverspendTheBudget() {
    ok(take(), 5, 4000); // a window with 5 left
    XeroRateGovernor.Permit a = take();
    XeroRateGovernor.Permit b = take();
    XeroRateGovernor.Permit c = take();
    ok(c, 4, 3999); // Xero counted c first; a and b may come after it
    XeroRateGovernor.Permit d = take();
    XeroRateGovernor.Permit e = take();
    assertTrue(governor.tryAcquire(E).isEmpty(), "4 left, a, b, d and e uncounted");
    ok(a, 3, 3998); // counted after c
    assertTrue(governor.tryAcquire(E).isEmpty(), "3 left, b, d and e uncounted");
    ok(b, 2, 3997);
    assertTrue(governor.tryAcquire(E).isEmpty(), "2 left, d and e uncounted");
    ok(d, 1, 3996);
    ok(e, 0, 3995);
    assertTrue(governor.tryAcquire(E).isEmpty());
  }

  @Test
  void anOlderAnswerArrivingLateIsNotMistakenForANewWindow() {
    XeroRateGovernor.Permit a = take();
    XeroRateGovernor.Permit b = take();
    ok(b, 10, 4000);
    Instant windowEnds = governor.state().windowEnds();
    clock.advance(Duration.ofSeconds(2));
    ok(a, 11, 4001);
    assertEquals(10, governor.state().minuteRemaining());
    assertEquals(windowEnds, governor.state().windowEnds());
  }

  @Test
  void aMinute429BlocksEveryoneUntilRetryAfterAndMarksTheWindowsEnd() {
    XeroRateGovernor.Permit p = take();
    governor.onAnswer(p, 429, 0, 4539, 9938, "minute", Duration.ofSeconds(22));
    Duration wait = governor.delay(clock.instant(), E);
    assertTrue(wait.compareTo(Duration.ofSeconds(22)) >= 0, wait.toString());
    assertTrue(wait.compareTo(Duration.ofSeconds(25)) <= 0, wait.toString());
    assertEquals(clock.instant().plusSeconds(22), governor.state().windowEnds());
    clock.advance(Duration.ofSeconds(21));
    assertTrue(governor.tryAcquire(E).isEmpty());
    clock.advance(Duration.ofSeconds(4));
    assertTrue(governor.tryAcquire(E).isPresent());
  }

  @Test
  void theDayLimitStopsAtOnceWithAClearException() {
    XeroRateGovernor.Permit p = take();
    governor.onAnswer(p, 429, 0, 0, 9000, "day", Duration.ofHours(3));
    XeroException.DailyLimitReached e =
        assertThrows(XeroException.DailyLimitReached.class, () -> governor.tryAcquire(E));
    assertEquals("day", e.problem());
    assertEquals(Duration.ofHours(3), e.retryAfter());
    assertTrue(e.getMessage().contains("daily limit reached"), e.getMessage());
    clock.advance(Duration.ofHours(3));
    assertTrue(governor.tryAcquire(E).isPresent());
  }

  @Test
  void theDayBudgetAtTheReserveStopsBeforeXeroRefuses() {
    XeroRateGovernor reserved =
        new XeroRateGovernor(
            "org",
            new XeroClientSettings(
                settings.connectTimeout(),
                settings.readTimeout(),
                4,
                settings.retryBaseDelay(),
                settings.retryMaxDelay(),
                50,
                5,
                settings.minuteWindow(),
                0,
                100,
                20),
            clock);
    XeroRateGovernor.Permit p = reserved.tryAcquire(E).orElseThrow();
    reserved.onAnswer(p, 200, 50, 101, 9000, null, null);
    reserved.tryAcquire(E).orElseThrow(); // 101 - 1 in flight = 100: the reserve
    assertThrows(XeroException.DailyLimitReached.class, () -> reserved.tryAcquire(E));
  }

  @Test
  void aConcurrency429BacksOffExponentially() {
    XeroRateGovernor.Permit p = take();
    governor.onAnswer(p, 429, 50, 4000, 9000, "concurrent", null);
    Duration first = governor.delay(clock.instant(), E);
    clock.advance(first);
    XeroRateGovernor.Permit q = take();
    governor.onAnswer(q, 429, 50, 4000, 9000, "concurrent", null);
    Duration second = governor.delay(clock.instant(), E);
    assertTrue(first.toMillis() >= 500 && first.toMillis() < 500 + 3000, first.toString());
    assertTrue(second.toMillis() >= 1000, second.toString());
    clock.advance(second);
    XeroRateGovernor.Permit r = take();
    ok(r, 49, 3999);
    assertFalse(governor.delay(clock.instant(), E).isNegative());
    assertEquals(Duration.ZERO, governor.delay(clock.instant(), E));
  }
}
