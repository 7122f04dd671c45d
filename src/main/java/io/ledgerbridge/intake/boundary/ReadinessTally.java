package io.ledgerbridge.intake.boundary;

import io.ledgerbridge.intake.control.Importability;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How many waiting transactions are ready to import, and how many are blocked by each {@link
 * Blocker}. A transaction blocked for reasons in two categories counts under both, so the
 * categories can add up to more than {@link #blocked()}.
 */
public final class ReadinessTally {

  /** One category with its count. */
  public record Count(Blocker blocker, long count) {}

  private long ready;
  private long blocked;
  private final Map<Blocker, Long> byBlocker = new EnumMap<>(Blocker.class);

  /** Counts one waiting transaction with these reasons against it. */
  public void add(List<Importability.Reason> reasons) {
    if (reasons.isEmpty()) {
      ready++;
      return;
    }
    blocked++;
    for (Blocker blocker : Blocker.of(reasons)) {
      byBlocker.merge(blocker, 1L, Long::sum);
    }
  }

  public long ready() {
    return ready;
  }

  public long blocked() {
    return blocked;
  }

  public long waiting() {
    return ready + blocked;
  }

  public long blockedBy(Blocker blocker) {
    return byBlocker.getOrDefault(blocker, 0L);
  }

  /** The categories that block at least one transaction, in {@link Blocker} order. */
  public List<Count> blockers() {
    return byBlocker.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
  }
}
