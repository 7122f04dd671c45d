package io.ledgerbridge.intake.boundary;

import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How many intake requests this node works on at once ({@code ledgerbridge.intake.concurrency}, by
 * default twice the number of processors: a request also waits for the database). The rest wait
 * their turn, first come first served. Twenty senders at once otherwise share the processors twenty
 * ways with every page a user opens meanwhile, and with each other's database locks and caches:
 * each request then takes twenty times as long and the slowest far longer. A request that waits
 * longer than {@code ledgerbridge.intake.queue-seconds} is answered 503 with {@code Retry-After}
 * and nothing of it is stored. CSV uploads on the upload page take their turn here too.
 */
@ApplicationScoped
public class IntakeGate {

  @Inject private LedgerBridgeConfig config;

  private Semaphore permits;
  private long waitMillis;

  IntakeGate() {}

  /** A gate of its own, outside the container (tests). */
  IntakeGate(int concurrency, long waitMillis) {
    this.permits = new Semaphore(concurrency, true);
    this.waitMillis = waitMillis;
  }

  @PostConstruct
  void init() {
    permits = new Semaphore(config.intakeConcurrency(), true);
    waitMillis = TimeUnit.SECONDS.toMillis(config.intakeQueueSeconds());
  }

  /** The work's result, or empty if its turn did not come in time. */
  public <T> Optional<T> whenFree(Supplier<T> work) {
    boolean acquired;
    try {
      acquired = permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    if (!acquired) {
      return Optional.empty();
    }
    try {
      return Optional.of(work.get());
    } finally {
      permits.release();
    }
  }

  /** Seconds a refused sender should wait before trying again. */
  public int retryAfterSeconds() {
    return (int) Math.max(1, TimeUnit.MILLISECONDS.toSeconds(waitMillis) / 4);
  }
}
