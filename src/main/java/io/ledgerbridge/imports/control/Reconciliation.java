package io.ledgerbridge.imports.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Finds, among documents read from Xero, the one an unanswered create produced (xero-api.md §15,
 * §19.11). ACCREC and ACCRECCREDIT numbers are unique in Xero, so the number decides. ACCPAY and
 * ACCPAYCREDIT numbers are the supplier's and need not be unique: contact, number, date and total
 * must all agree. A manual journal has no number: its Narration carries LedgerBridge's unique token
 * ({@link JournalMapper}), so the Narration decides. Deleted or voided documents, and documents
 * LedgerBridge already holds for another transaction, never match.
 */
public final class Reconciliation {

  /** A document as read from Xero. */
  public record Candidate(
      String xeroId,
      String type,
      String number,
      String contactId,
      LocalDate date,
      BigDecimal total,
      String status) {}

  /** What was being created. */
  public record Sought(
      String type, String number, String contactId, LocalDate date, BigDecimal total) {}

  private static final Set<String> GONE = Set.of("DELETED", "VOIDED");

  private Reconciliation() {}

  public static Optional<Candidate> match(
      Sought sought, Collection<Candidate> candidates, Set<String> heldElsewhere) {
    boolean uniqueNumbers =
        "ACCREC".equals(sought.type())
            || "ACCRECCREDIT".equals(sought.type())
            || DocumentMapper.JOURNAL_TYPE.equals(sought.type());
    return candidates.stream()
        .filter(c -> sought.type().equals(c.type()))
        .filter(c -> !GONE.contains(c.status()))
        .filter(c -> !heldElsewhere.contains(c.xeroId()))
        .filter(c -> sought.number() != null && sought.number().equalsIgnoreCase(c.number()))
        .filter(
            c ->
                uniqueNumbers
                    || (same(sought.contactId(), c.contactId())
                        && same(sought.date(), c.date())
                        && sought.total() != null
                        && c.total() != null
                        && sought.total().compareTo(c.total()) == 0))
        .findFirst();
  }

  private static boolean same(Object a, Object b) {
    return a != null && a.equals(b);
  }
}
