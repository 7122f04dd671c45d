package io.ledgerbridge.contacts.control;

import java.util.List;
import java.util.Optional;

/** The candidates for one source contact, strongest first. */
public record Match(SourceContact source, List<Candidate> candidates) {

  /**
   * The one candidate "Confirm all exact matches" may link: present only when exactly one active
   * Xero contact matches by an exact rule. Two exact candidates (a code pointing to one contact, an
   * e-mail to another) need a person.
   */
  public Optional<Candidate> unambiguousExact() {
    List<Candidate> exact = candidates.stream().filter(Candidate::exact).toList();
    return exact.size() == 1 ? Optional.of(exact.get(0)) : Optional.empty();
  }

  public boolean ambiguous() {
    return candidates.stream().filter(Candidate::exact).count() > 1;
  }
}
