package io.ledgerbridge.web.stock;

import io.ledgerbridge.imports.control.CogsCalculator.Posting;
import java.math.BigDecimal;
import java.util.List;

/**
 * A line of the journal a COGS run would send, as an accountant reads it: a signed posting
 * (positive = debit) in the debit or the credit column, never as a negative number.
 */
public record JournalLine(String account, String location, BigDecimal debit, BigDecimal credit) {

  public static JournalLine of(Posting posting) {
    BigDecimal amount = posting.amount();
    return new JournalLine(
        posting.account(),
        posting.location(),
        amount.signum() > 0 ? amount : null,
        amount.signum() < 0 ? amount.negate() : null);
  }

  public static List<JournalLine> of(List<Posting> postings) {
    return postings.stream().map(JournalLine::of).toList();
  }

  /** The sum of the debit column (equal to the credits: every journal balances). */
  public static BigDecimal debits(List<JournalLine> lines) {
    return lines.stream()
        .map(JournalLine::debit)
        .filter(d -> d != null)
        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

  public static BigDecimal credits(List<JournalLine> lines) {
    return lines.stream()
        .map(JournalLine::credit)
        .filter(c -> c != null)
        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }
}
