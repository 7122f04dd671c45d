package io.ledgerbridge.xero.control;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authorisation-code attempts of one admin session, keyed by {@code state}: two tabs may each
 * connect, and a callback consumes only its own attempt, atomically, so two hits of the same
 * callback (a double click, a browser retry) cannot both exchange the code.
 */
public final class PendingAuthorisations implements Serializable {

  private static final long serialVersionUID = 1L;
  public static final String SESSION_KEY = PendingAuthorisations.class.getName();

  private final Map<String, PendingAuthorisation> byState = new ConcurrentHashMap<>();

  public void add(PendingAuthorisation attempt, Instant now) {
    byState
        .values()
        .removeIf(p -> !now.isBefore(p.startedAt().plus(PendingAuthorisation.LIFETIME)));
    byState.put(attempt.state(), attempt);
  }

  /** Removes and returns the attempt with this state if it is still good; once only. */
  public Optional<PendingAuthorisation> take(String state, Instant now) {
    if (state == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(byState.remove(state)).filter(p -> p.accepts(state, now));
  }

  public int size() {
    return byState.size();
  }

  @Override
  public String toString() {
    return "PendingAuthorisations[" + byState.size() + "]";
  }
}
