package io.ledgerbridge.xero.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.platform.config.LedgerBridgeConfig.XeroUrls;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PendingAuthorisationsTest {

  private static final Instant NOW = Instant.parse("2026-11-29T23:00:00Z");

  private static PendingAuthorisation start(Instant at) {
    return PendingAuthorisation.start(
        "client-1", "http://localhost/cb", "openid offline_access", XeroUrls.XERO, at);
  }

  @Test
  void twoTabsEachCompleteTheirOwnAttemptOnce() {
    PendingAuthorisations attempts = new PendingAuthorisations();
    PendingAuthorisation first = start(NOW);
    PendingAuthorisation second = start(NOW);
    attempts.add(first, NOW);
    attempts.add(second, NOW);
    assertEquals(Optional.of(second), attempts.take(second.state(), NOW.plusSeconds(5)));
    assertEquals(Optional.empty(), attempts.take(second.state(), NOW.plusSeconds(6)), "once");
    assertEquals(Optional.empty(), attempts.take("forged", NOW.plusSeconds(6)));
    assertEquals(Optional.empty(), attempts.take(null, NOW.plusSeconds(6)));
    assertEquals(Optional.of(first), attempts.take(first.state(), NOW.plusSeconds(7)));
  }

  @Test
  void concurrentCallbacksWithTheSameStateGetTheAttemptOnlyOnce() {
    PendingAuthorisations attempts = new PendingAuthorisations();
    PendingAuthorisation attempt = start(NOW);
    attempts.add(attempt, NOW);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Optional<PendingAuthorisation>>> hits =
        IntStream.range(0, 8)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          try {
                            go.await();
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          return attempts.take(attempt.state(), NOW.plusSeconds(1));
                        }))
            .toList();
    go.countDown();
    assertEquals(1, hits.stream().filter(h -> h.join().isPresent()).count());
  }

  @Test
  void expiredAttemptsAreRefusedAndDropped() {
    PendingAuthorisations attempts = new PendingAuthorisations();
    PendingAuthorisation old = start(NOW);
    attempts.add(old, NOW);
    Instant later = NOW.plus(PendingAuthorisation.LIFETIME).plusSeconds(1);
    attempts.add(start(later), later);
    assertEquals(1, attempts.size(), "the expired one was dropped");
    PendingAuthorisations again = new PendingAuthorisations();
    again.add(old, NOW);
    assertTrue(again.take(old.state(), later).isEmpty());
  }
}
