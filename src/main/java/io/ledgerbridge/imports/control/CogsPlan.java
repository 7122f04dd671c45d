package io.ledgerbridge.imports.control;

import io.ledgerbridge.imports.control.CogsCalculator.Posting;
import io.ledgerbridge.imports.control.DocumentMapper.Problem;
import io.ledgerbridge.imports.entity.XeroDocument;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.intake.entity.SourceTransaction;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a month's open COGS journal must hold, given the journals LedgerBridge already made for the
 * month (inventory-accounting.md §3.4). Pure.
 *
 * <ul>
 *   <li>Journals Xero shows POSTED are closed and count; VOIDED ones are closed and count nothing;
 *       the others (not sent, draft, deleted in Xero) are open — at most one per month.
 *   <li>No posted journal: the open journal holds the month's target; once one is posted it holds
 *       target − posted, a <em>delta</em>, as a new journal ({@code cogs-2026-11-d1}) when every
 *       earlier one is closed. A posted journal is never edited.
 *   <li>Nothing left to post: the open draft is emptied (the engine deletes it in Xero); with no
 *       draft, nothing is sent.
 *   <li>A month ending on or before Xero's lock date is dated the month's last day all the same
 *       (the preview blocks it) unless the run books it on the first open day: lock date + 1.
 * </ul>
 *
 * @param sourceId the open journal's source id, or null when there is nothing to store or send
 * @param changes whether the open journal's stored content must change
 * @param openJournal the existing open journal, or null (a new one, or none)
 * @param posted the postings of the posted journals, summed
 */
public record CogsPlan(
    String sourceId,
    String number,
    LocalDate date,
    List<Posting> postings,
    boolean changes,
    Journal openJournal,
    List<Posting> posted,
    List<Problem> blocking) {

  /**
   * The month journals LedgerBridge makes: COGS (perpetual) and closing stock (periodic). Each has
   * its kind, source ids ({@code cogs-2026-11}, {@code closing-2026-11-d1}) and numbers ({@code
   * COGS 2026-11}, {@code Closing stock 2026-11 delta 1}); the rules of this plan are the same.
   */
  public enum Series {
    COGS(Kind.COGS, "cogs", "COGS"),
    CLOSING_STOCK(Kind.CLOSING_STOCK, "closing", "Closing stock");

    private final Kind kind;
    private final String prefix;
    private final String label;
    private final Pattern pattern;

    Series(Kind kind, String prefix, String label) {
      this.kind = kind;
      this.prefix = prefix;
      this.label = label;
      this.pattern = Pattern.compile(prefix + "-(\\d{4}-\\d{2})(?:-d(\\d+))?");
    }

    public Kind kind() {
      return kind;
    }

    /** The month's first journal's source id, or delta {@code delta}'s. */
    public String sourceId(YearMonth month, int delta) {
      return prefix + "-" + month + (delta == 0 ? "" : "-d" + delta);
    }

    /** The journal's number: part of its Narration token. */
    public String number(YearMonth month, int delta) {
      return label + " " + month + (delta == 0 ? "" : " delta " + delta);
    }

    /** The month of one of this series' source ids. */
    public Optional<YearMonth> month(String sourceId) {
      Matcher m = pattern.matcher(sourceId);
      return m.matches() ? Optional.of(YearMonth.parse(m.group(1))) : Optional.empty();
    }

    public static Series of(Kind kind) {
      for (Series series : values()) {
        if (series.kind == kind) {
          return series;
        }
      }
      throw new IllegalArgumentException(kind + " is not a month journal");
    }
  }

  /**
   * One of the month's journals as LedgerBridge holds it.
   *
   * @param status Xero's status of its document, or null when never sent
   * @param asSent whether its stored content is what was last sent (no newer version unsent)
   */
  public record Journal(
      Long id,
      String sourceId,
      String number,
      LocalDate date,
      List<Posting> postings,
      String xeroId,
      String status,
      boolean asSent) {

    public static Journal of(SourceTransaction t, XeroDocument document) {
      boolean sent = document != null && document.getXeroId() != null;
      Long synced = document == null ? null : document.getSyncedVersion();
      return new Journal(
          t.getId(),
          t.getSourceId(),
          t.getNumber(),
          t.getDate(),
          CogsCalculator.postings(t.content()),
          sent ? document.getXeroId() : null,
          sent ? document.getXeroStatus() : null,
          synced != null && synced == t.getSourceVersion());
    }

    public boolean posted() {
      return "POSTED".equals(status);
    }

    public boolean closed() {
      return posted() || "VOIDED".equals(status);
    }

    /** A draft in Xero: deleting or updating it is possible. */
    public boolean draft() {
      return status != null && !closed() && !XeroDocument.DELETED.equals(status);
    }
  }

  public static CogsPlan of(
      CogsCalculator.Month month, List<Journal> journals, LocalDate lockDate, boolean bookLocked) {
    return of(Series.COGS, month, journals, lockDate, bookLocked);
  }

  public static CogsPlan of(
      Series series,
      CogsCalculator.Month month,
      List<Journal> journals,
      LocalDate lockDate,
      boolean bookLocked) {
    List<Problem> blocking = new ArrayList<>(month.blocking());
    List<List<Posting>> postedJournals = new ArrayList<>();
    Journal open = null;
    for (Journal j : journals) {
      if (j.posted()) {
        postedJournals.add(j.postings());
        if (!j.asSent()) {
          blocking.add(
              new Problem(
                  "POSTED_NOT_AS_RECORDED",
                  j.number()
                      + " was posted in Xero before LedgerBridge sent its latest lines: open it in"
                      + " Xero, and void it or refresh before running the month again."));
        }
      } else if (!j.closed()) {
        open = j;
      }
    }
    List<Posting> posted = CogsCalculator.sum(postedJournals);
    if (!blocking.isEmpty()) {
      return new CogsPlan(null, null, null, List.of(), false, open, posted, blocking);
    }
    List<Posting> target =
        postedJournals.isEmpty()
            ? month.target()
            : CogsCalculator.delta(month.target(), postedJournals);
    LocalDate date = month.lastDay();
    if (bookLocked && lockDate != null && !date.isAfter(lockDate)) {
      date = lockDate.plusDays(1);
    }
    if (open != null) {
      if (target.isEmpty() && !open.draft()) {
        return new CogsPlan(null, null, null, List.of(), false, open, posted, blocking);
      }
      boolean changes = !open.postings().equals(target) || !date.equals(open.date());
      return new CogsPlan(
          open.sourceId(), open.number(), date, target, changes, open, posted, blocking);
    }
    if (target.isEmpty()) {
      return new CogsPlan(null, null, null, List.of(), false, null, posted, blocking);
    }
    int n = journals.size();
    return new CogsPlan(
        series.sourceId(month.month(), n),
        series.number(month.month(), n),
        date,
        target,
        true,
        null,
        posted,
        blocking);
  }

  /** {@code cogs-2026-11} for the month's first journal, {@code cogs-2026-11-d2} for delta 2. */
  public static String sourceId(YearMonth month, int delta) {
    return Series.COGS.sourceId(month, delta);
  }

  /** {@code COGS 2026-11}, {@code COGS 2026-11 delta 2}: part of the Narration token. */
  public static String number(YearMonth month, int delta) {
    return Series.COGS.number(month, delta);
  }

  /** The month of a COGS journal's source id. */
  public static Optional<YearMonth> month(String sourceId) {
    return Series.COGS.month(sourceId);
  }
}
