package io.ledgerbridge.imports.boundary;

import io.ledgerbridge.imports.boundary.CogsLedger.Planned;
import io.ledgerbridge.imports.control.CogsCalculator;
import io.ledgerbridge.imports.control.CogsCalculator.Posting;
import io.ledgerbridge.imports.control.CogsPlan.Journal;
import io.ledgerbridge.imports.control.DocumentMapper.Problem;
import io.ledgerbridge.imports.control.Preview;
import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.settings.boundary.SettingsService;
import io.ledgerbridge.settings.entity.AccountRole;
import io.ledgerbridge.settings.entity.AccountingMethod;
import io.ledgerbridge.settings.entity.AccountingSettings;
import io.ledgerbridge.xero.boundary.XeroConnections;
import io.ledgerbridge.xero.client.XeroTarget;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * What the COGS page and {@code /api/v1/inventory/cogs} do: the months with their computed cost,
 * what Xero holds, the journal LedgerBridge would send and what blocks it; and an import run over a
 * range of months, through the same engine as every other document (issue 12 §2).
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CogsService {

  /** A month's state, as the page and the API show it. */
  public enum State {
    /** No cost in the month and nothing in Xero. */
    NO_COST("No cost"),
    NOT_IMPORTED("Not imported"),
    /** Xero holds the month's cost, some of it as a draft. */
    IMPORTED("Imported as draft"),
    /** The cost changed since Xero got it: a run updates the draft or adds a delta. */
    CHANGED("Changed"),
    /** Xero holds the month's cost, all of it posted. */
    POSTED("Posted in Xero"),
    BLOCKED("Blocked"),
    /** The accounting settings say periodic: cost of sales is not journalled month by month. */
    NOT_USED("Not used under this accounting method");

    private final String label;

    State(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One of the month's journals in Xero. */
  public record JournalView(
      String sourceId, String number, String xeroId, String status, BigDecimal cogs) {}

  /**
   * A month as the page shows it.
   *
   * @param cost the month's COGS computed from its sales and restocked returns
   * @param inXero the COGS Xero holds from LedgerBridge's journals (drafts and posted)
   * @param send the journal a run sends now (its lines), empty when nothing is sent
   * @param action CREATE, UPDATE, DELETE (the draft, nothing left to post) or NONE
   */
  public record Month(
      YearMonth month,
      State state,
      BigDecimal cost,
      BigDecimal inXero,
      BigDecimal posted,
      BigDecimal difference,
      int sales,
      int returns,
      int uncosted,
      List<JournalView> journals,
      String sourceId,
      LocalDate date,
      String narration,
      String action,
      List<Posting> send,
      List<Problem> blocking,
      List<Problem> warnings) {}

  @Inject private CogsLedger ledger;
  @Inject private ImportService imports;
  @Inject private ImportRunner runner;
  @Inject private XeroConnections connections;
  @Inject private SettingsService settings;

  public List<Month> months(YearMonth from, YearMonth to, boolean bookLocked, String baseUrl) {
    XeroTarget target = connections.requireTarget();
    AccountingSettings current = settings.current();
    String inventory = current.account(AccountRole.INVENTORY).orElse(null);
    boolean periodic = current.accountingMethod() == AccountingMethod.PERIODIC;
    List<Month> out = new ArrayList<>();
    // Under periodic nothing is sent, so the journals are not previewed.
    for (Planned p : ledger.months(target.tenantId(), from, to, bookLocked, baseUrl, !periodic)) {
      Month m = view(p, inventory);
      out.add(periodic ? notUsed(m) : m);
    }
    return out;
  }

  /**
   * Stores each month's open journal as it should now be and starts an import run over them: one
   * journal per month (or its delta), nothing sent for a month Xero already holds.
   */
  public ImportService.Started importMonths(
      YearMonth from, YearMonth to, boolean bookLocked, String actor, String baseUrl) {
    XeroTarget target = connections.requireTarget();
    if (settings.current().accountingMethod() == AccountingMethod.PERIODIC) {
      throw new BusinessException(NOT_USED);
    }
    // A draft the accountant posted since LedgerBridge last looked must get a delta, not an edit;
    // a posted journal voided since then counts nothing any more.
    runner.readStatuses(target, ledger.inXero(from, to), actor);
    List<Planned> planned = ledger.store(target.tenantId(), from, to, bookLocked, baseUrl);
    List<String> open =
        planned.stream().map(p -> p.plan().sourceId()).filter(java.util.Objects::nonNull).toList();
    if (open.isEmpty()) {
      throw new BusinessException(nothingToImport(from, to, planned));
    }
    return imports.importCogsJournals(open, actor, baseUrl);
  }

  /** Why a run over the range would send nothing: the blocked months' reasons, or nothing to do. */
  static String nothingToImport(YearMonth from, YearMonth to, List<Planned> planned) {
    return nothingToImport(from, to, planned, "no cost to post");
  }

  /** As above, saying what there is none of to post ("no change in stock value to post"). */
  static String nothingToImport(
      YearMonth from, YearMonth to, List<Planned> planned, String nothingLeft) {
    String range = from.equals(to) ? from.toString() : from + " to " + to;
    List<String> blocked = new ArrayList<>();
    for (Planned p : planned) {
      if (!p.plan().blocking().isEmpty()) {
        blocked.add(
            p.month().month()
                + ": "
                + String.join(
                    " ", p.plan().blocking().stream().map(Problem::message).distinct().toList()));
      }
    }
    if (blocked.isEmpty()) {
      return "Nothing to import for "
          + range
          + ": "
          + nothingLeft
          + ", and Xero already holds every journal.";
    }
    return "Nothing can be imported for " + range + ". " + String.join(" ", blocked);
  }

  static final String NOT_USED =
      "COGS journals are not used under the periodic inventory method (Settings › Accounting"
          + " method): cost of sales comes from purchases and the stocktake, not from journals.";

  /** Under the periodic method a month shows its cost and what Xero holds, and sends nothing. */
  static Month notUsed(Month m) {
    return new Month(
        m.month(),
        State.NOT_USED,
        m.cost(),
        m.inXero(),
        m.posted(),
        m.difference(),
        m.sales(),
        m.returns(),
        m.uncosted(),
        m.journals(),
        null,
        null,
        null,
        "NONE",
        List.of(),
        List.of(),
        List.of(new Problem("NOT_PERPETUAL", NOT_USED)));
  }

  private static Month view(Planned p, String inventory) {
    return view(p, postings -> CogsCalculator.cogs(postings, inventory));
  }

  /**
   * A planned month as the page shows it; {@code value} says what a journal's lines are worth in
   * the series' terms (COGS: the cost debited; closing stock: the change in stock value).
   */
  static Month view(Planned p, java.util.function.Function<List<Posting>, BigDecimal> value) {
    CogsCalculator.Month m = p.month();
    List<JournalView> journals = new ArrayList<>();
    BigDecimal inXero = BigDecimal.ZERO.setScale(2);
    BigDecimal posted = BigDecimal.ZERO.setScale(2);
    boolean draft = false;
    for (Journal j : p.journals()) {
      BigDecimal worth = value.apply(j.postings());
      if (j.xeroId() == null) {
        continue;
      }
      journals.add(new JournalView(j.sourceId(), j.number(), j.xeroId(), j.status(), worth));
      if (j.posted()) {
        posted = posted.add(worth);
        inXero = inXero.add(worth);
      } else if (j.draft()) {
        // A draft holds what it was last sent: its content unless a newer version waits.
        inXero = inXero.add(worth);
        draft = true;
      }
    }
    Preview preview = p.preview();
    List<Problem> blocking = new ArrayList<>(p.plan().blocking());
    List<Problem> warnings = new ArrayList<>();
    String action = "NONE";
    if (preview != null) {
      preview.blocking().forEach(b -> add(blocking, b));
      warnings.addAll(preview.warnings());
      action =
          switch (preview.action()) {
            case CREATE -> preview.mapping().deletion() ? "NONE" : "CREATE";
            case UPDATE -> preview.mapping().deletion() ? "DELETE" : "UPDATE";
            default -> "NONE";
          };
    }
    if (m.uncosted() > 0) {
      warnings.add(
          new Problem(
              "LINES_WITHOUT_COST",
              m.uncosted()
                  + " sale or return line(s) came without a cost (costAmount or unitCost) and"
                  + " add nothing: services, or a source that does not send costs."));
    }
    boolean sends = !"NONE".equals(action);
    State state;
    if (!blocking.isEmpty()
        && (sends || p.plan().sourceId() != null || !p.plan().blocking().isEmpty())) {
      state = State.BLOCKED;
    } else if (sends) {
      state = journals.isEmpty() ? State.NOT_IMPORTED : State.CHANGED;
    } else if (journals.isEmpty()) {
      state = m.cost().signum() == 0 ? State.NO_COST : State.NOT_IMPORTED;
    } else {
      state = draft ? State.IMPORTED : State.POSTED;
    }
    List<Posting> send =
        sends && preview != null && !preview.mapping().deletion() ? p.plan().postings() : List.of();
    return new Month(
        m.month(),
        state,
        m.cost(),
        inXero,
        posted,
        m.cost().subtract(inXero),
        m.sales(),
        m.returns(),
        m.uncosted(),
        journals,
        p.plan().sourceId(),
        p.plan().date(),
        preview == null ? null : preview.mapping().number(),
        action,
        send,
        blocking,
        warnings);
  }

  private static void add(List<Problem> problems, Problem problem) {
    if (problems.stream().noneMatch(x -> x.code().equals(problem.code()))) {
      problems.add(problem);
    }
  }
}
