package io.ledgerbridge.web.stock;

import io.ledgerbridge.imports.boundary.ClosingStockService;
import io.ledgerbridge.imports.boundary.ClosingStockService.ClosingMonth;
import io.ledgerbridge.imports.boundary.CogsService;
import io.ledgerbridge.imports.boundary.CogsService.Month;
import io.ledgerbridge.imports.boundary.CogsService.State;
import io.ledgerbridge.imports.control.CogsRange;
import io.ledgerbridge.settings.boundary.SettingsService;
import io.ledgerbridge.settings.entity.AccountingMethod;
import io.ledgerbridge.web.imports.PageActions;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Stock › COGS (issue 12 §2): a range of months, each with the cost computed from its sales and
 * restocked returns, what Xero holds (draft and posted), the difference, its state and what blocks
 * it, and the exact journal lines a run would send; and, for accountants, "Import / re-run" over
 * the range as one import run. The range and "book locked months on the first open day" are URL
 * parameters, so the preview an accountant checked is the one the button imports. View scoped, so
 * the button answers for the range it was shown with.
 */
@Named
@ViewScoped
public class CogsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private transient CogsService cogs;
  @Inject private transient ClosingStockService closing;
  @Inject private transient SettingsService settings;

  private String fromParam;
  private String toParam;
  private String bookLockedParam;

  private YearMonth from;
  private YearMonth to;
  private boolean bookLocked;

  /**
   * The accounting settings say periodic: the page shows the month ends' closing-stock journals
   * (issue 12 §3) instead of COGS journals, which that method does not use.
   */
  private boolean periodic;

  /** The months were read: the range is valid and Xero connected, so the button may be offered. */
  private boolean loaded;

  private transient List<Row> rows = List.of();

  /**
   * A month with the lines of its journal as debits and credits; for closing stock, the valuation
   * and Xero's balance it was computed from (null: none).
   */
  public record Row(
      Month month,
      List<JournalLine> lines,
      BigDecimal debits,
      BigDecimal credits,
      BigDecimal valuation,
      BigDecimal xeroBalance) {

    static Row of(Month month) {
      return of(month, null, null);
    }

    static Row of(ClosingMonth closing) {
      return of(closing.month(), closing.valuation(), closing.xeroBalance());
    }

    private static Row of(Month month, BigDecimal valuation, BigDecimal xeroBalance) {
      List<JournalLine> lines = JournalLine.of(month.send());
      return new Row(
          month,
          lines,
          JournalLine.debits(lines),
          JournalLine.credits(lines),
          valuation,
          xeroBalance);
    }

    /** Whether a run sends something for this month (a new journal, an update, a deletion). */
    public boolean sends() {
      return !"NONE".equals(month.action()) && month.state() != State.BLOCKED;
    }
  }

  public void load() {
    FacesContext faces = FacesContext.getCurrentInstance();
    loaded = false;
    rows = List.of();
    from = null;
    to = null;
    bookLocked = "true".equalsIgnoreCase(bookLockedParam);
    PageActions actions = new PageActions(faces);
    Optional<CogsRange> range =
        actions.read(
            () -> CogsRange.of("From", fromParam, "To", toParam, YearMonth.now()),
            "The range could not be read");
    if (range.isEmpty()) {
      return;
    }
    from = range.get().from();
    to = range.get().to();
    periodic = settings.current().accountingMethod() == AccountingMethod.PERIODIC;
    actions
        .read(
            () ->
                periodic
                    ? closing.months(from, to, actions.requestBase()).stream().map(Row::of).toList()
                    : cogs.months(from, to, bookLocked, actions.requestBase()).stream()
                        .map(Row::of)
                        .toList(),
            "The months could not be read")
        .ifPresent(
            read -> {
              rows = read;
              loaded = true;
            });
  }

  /** Import / re-run (accountant and above) over the range shown, then the run's page. */
  public void importMonths() {
    PageActions actions = new PageActions(FacesContext.getCurrentInstance());
    if (!actions.allowed()) {
      return;
    }
    if (!loaded) {
      // The form is only shown for a range that was read; a stale one imports nothing.
      actions.error(
          "Nothing was imported: the months could not be read. Correct the filter first.");
      actions.redirect(selfUrl());
      return;
    }
    long[] id = new long[1];
    boolean started =
        actions.attempt(
            () ->
                id[0] =
                    actions.startOnce(
                        "cogs",
                        () ->
                            (periodic
                                    ? closing.importMonths(
                                        from, to, actions.user(), actions.requestBase())
                                    : cogs.importMonths(
                                        from,
                                        to,
                                        bookLocked,
                                        actions.user(),
                                        actions.requestBase()))
                                .run()
                                .getId()));
    actions.redirect(started ? "/imports/run.xhtml?id=" + id[0] : selfUrl());
  }

  /** This page with the same range and choice, as it was shown. */
  String selfUrl() {
    StringBuilder url = new StringBuilder("/stock/cogs.xhtml");
    if (from != null && to != null) {
      url.append("?from=").append(from).append("&to=").append(to);
      if (bookLocked) {
        url.append("&bookLocked=true");
      }
    }
    return url.toString();
  }

  // ---- view helpers -----------------------------------------------------------------------------

  public boolean isImportControls() {
    return loaded && PageActions.isAccountant(FacesContext.getCurrentInstance());
  }

  public boolean isLoaded() {
    return loaded;
  }

  public List<Row> getRows() {
    return rows;
  }

  /** How many months a run would send a journal for (an update or a deletion counts). */
  public long getSending() {
    return rows.stream().filter(Row::sends).count();
  }

  public long getBlocked() {
    return rows.stream().filter(r -> r.month().state() == State.BLOCKED).count();
  }

  /** The range as read, or as typed when it could not be read (so it can be corrected). */
  public String getFromValue() {
    return from != null ? from.toString() : fromParam;
  }

  public String getToValue() {
    return to != null ? to.toString() : toParam;
  }

  /** "2040-01 to 2040-12", or the one month. */
  public String getRangeText() {
    if (from == null || to == null) {
      return "";
    }
    return from.equals(to) ? from.toString() : from + " to " + to;
  }

  public boolean isBookLocked() {
    return bookLocked;
  }

  public boolean isPeriodic() {
    return periodic;
  }

  public String getFromParam() {
    return fromParam;
  }

  public void setFromParam(String fromParam) {
    this.fromParam = fromParam;
  }

  public String getToParam() {
    return toParam;
  }

  public void setToParam(String toParam) {
    this.toParam = toParam;
  }

  public String getBookLockedParam() {
    return bookLockedParam;
  }

  public void setBookLockedParam(String bookLockedParam) {
    this.bookLockedParam = bookLockedParam;
  }
}
