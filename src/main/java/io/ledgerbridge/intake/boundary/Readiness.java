package io.ledgerbridge.intake.boundary;

import io.ledgerbridge.intake.control.Importability;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A list filter on the import rules' verdict for waiting transactions: ready to import (no reason
 * against), blocked (any reason), or blocked by one {@link Blocker} among others. Transactions that
 * are not waiting (imported, Do Not Import, …) are neither.
 *
 * @param blockedBy null for "ready" and for "blocked by anything"
 */
public record Readiness(boolean ready, Blocker blockedBy) {

  public static final Readiness READY = new Readiness(true, null);
  public static final Readiness BLOCKED = new Readiness(false, null);

  private static final String BLOCKED_BY = "blocked-by-";

  public Readiness {
    if (ready && blockedBy != null) {
      throw new IllegalArgumentException("Ready transactions are blocked by nothing.");
    }
  }

  public static Readiness blockedBy(Blocker blocker) {
    return new Readiness(false, blocker);
  }

  /** Whether a waiting transaction with these reasons passes the filter. */
  public boolean matches(Collection<Importability.Reason> reasons) {
    if (ready) {
      return reasons.isEmpty();
    }
    return blockedBy == null ? !reasons.isEmpty() : Blocker.of(reasons).contains(blockedBy);
  }

  /** {@code ready}, {@code blocked} or {@code blocked-by-contacts} and the like. */
  public String urlName() {
    if (ready) {
      return "ready";
    }
    return blockedBy == null ? "blocked" : BLOCKED_BY + blockedBy.urlName();
  }

  public String label() {
    if (ready) {
      return "Ready to import";
    }
    return blockedBy == null ? "Blocked" : "Blocked by " + blockedBy.label();
  }

  /** The inverse of {@link #urlName()}, case-insensitive; empty for anything else. */
  public static Optional<Readiness> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String name = text.trim().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "ready" -> Optional.of(READY);
      case "blocked" -> Optional.of(BLOCKED);
      default ->
          name.startsWith(BLOCKED_BY)
              ? Blocker.parse(name.substring(BLOCKED_BY.length())).map(Readiness::blockedBy)
              : Optional.empty();
    };
  }

  /** Every value, in the order a select offers them. */
  public static List<Readiness> options() {
    List<Readiness> out = new ArrayList<>(List.of(READY, BLOCKED));
    for (Blocker blocker : Blocker.values()) {
      out.add(blockedBy(blocker));
    }
    return out;
  }
}
