package io.ledgerbridge.intake.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class IntakeGateTest {

  @Test
  void aRequestBeyondTheConcurrencyWaitsAndIsRefusedWithoutRunningAfterTheQueueTime()
      throws Exception {
    IntakeGate gate = new IntakeGate(2, 200);
    CountDownLatch working = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> first = pool.submit(() -> gate.whenFree(() -> hold(working, release)));
      Future<?> second = pool.submit(() -> gate.whenFree(() -> hold(working, release)));
      assertTrue(working.await(5, TimeUnit.SECONDS), "two requests work at once");
      AtomicBoolean ran = new AtomicBoolean();
      long start = System.nanoTime();
      Optional<String> third = gate.whenFree(() -> ran.getAndSet(true) ? "again" : "ran");
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(Optional.empty(), third);
      assertTrue(!ran.get(), "the refused request's work never ran");
      assertTrue(waited >= 150, "it waited its queue time first: " + waited + " ms");
      release.countDown();
      first.get(5, TimeUnit.SECONDS);
      second.get(5, TimeUnit.SECONDS);
      assertEquals(Optional.of("ran"), gate.whenFree(() -> "ran"), "free again afterwards");
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedRequestGivesItsTurnBack() {
    IntakeGate gate = new IntakeGate(1, 100);
    assertThrows(
        IllegalStateException.class,
        () ->
            gate.whenFree(
                () -> {
                  throw new IllegalStateException("database down");
                }));
    assertEquals(Optional.of(1), gate.whenFree(() -> 1));
  }

  @Test
  void aRefusedSenderIsToldToWaitAQuarterOfTheQueueTime() {
    assertEquals(15, new IntakeGate(1, 60_000).retryAfterSeconds());
    assertEquals(1, new IntakeGate(1, 200).retryAfterSeconds());
  }

  private static String hold(CountDownLatch working, CountDownLatch release) {
    working.countDown();
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "done";
  }
}
