package io.ledgerbridge.contacts.control;

import java.util.List;

/**
 * A Xero contact proposed for a source contact, with the evidence for it.
 *
 * @param exact an active contact with at least one exact rule
 */
public record Candidate(KnownContact contact, List<Evidence> evidence, double score) {

  public boolean exact() {
    return contact.active() && evidence.stream().anyMatch(e -> e.rule().exact());
  }

  public Rule strongest() {
    return evidence.get(0).rule();
  }

  public boolean linkable() {
    return contact.active();
  }
}
