package io.ledgerbridge.imports.boundary;

import io.ledgerbridge.imports.boundary.CogsLedger.Planned;
import io.ledgerbridge.imports.boundary.CogsLedger.Targets;
import io.ledgerbridge.imports.boundary.CogsService.Month;
import io.ledgerbridge.imports.boundary.CogsService.State;
import io.ledgerbridge.imports.control.ClosingStock;
import io.ledgerbridge.imports.control.ClosingStock.MonthEnd;
import io.ledgerbridge.imports.control.CogsCalculator;
import io.ledgerbridge.imports.control.CogsPlan;
import io.ledgerbridge.imports.control.CogsPlan.Journal;
import io.ledgerbridge.imports.control.CogsPlan.Series;
import io.ledgerbridge.imports.control.DocumentMapper.Problem;
import io.ledgerbridge.intake.boundary.StockValuationView;
import io.ledgerbridge.intake.boundary.StockValuations;
import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.settings.boundary.SettingsService;
import io.ledgerbridge.settings.entity.AccountRole;
import io.ledgerbridge.settings.entity.AccountingMethod;
import io.ledgerbridge.settings.entity.AccountingSettings;
import io.ledgerbridge.xero.boundary.ReferenceData;
import io.ledgerbridge.xero.boundary.XeroConnections;
import io.ledgerbridge.xero.client.ReportBalances;
import io.ledgerbridge.xero.client.XeroClient;
import io.ledgerbridge.xero.client.XeroException;
import io.ledgerbridge.xero.client.XeroTarget;
import io.ledgerbridge.xero.entity.XeroAccount;
import io.ledgerbridge.xero.entity.XeroOrganisation;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The periodic method's closing-stock journals (issue 12 §3): per month end, the inventory system's
 * stock valuation ({@code POST /api/v1/stock-valuations}) against Xero's balance of the inventory
 * account (Reports/BalanceSheet), and one draft journal per month for the change — updated while
 * draft, a delta once posted, through the same plan and engine as the COGS journals. {@code
 * /api/v1/inventory/closing-stock}.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClosingStockService {

  static final String NOT_USED =
      "Closing-stock journals are used under the periodic inventory method only (Settings ›"
          + " Accounting method): under perpetual, COGS and stock adjustment journals keep the"
          + " inventory account up to date.";

  /**
   * A month end as the page and the API show it: the month's plan and journals, and what the
   * movement was computed from.
   *
   * @param valuation the inventory system's stock value at the month end, or null: none sent
   * @param xeroBalance Xero's balance of the inventory account then, or null: not read
   */
  public record ClosingMonth(Month month, BigDecimal valuation, BigDecimal xeroBalance) {}

  /** Who the audit names for statuses read while showing the months. */
  private static final String READER = "LedgerBridge (closing stock view)";

  @Inject private CogsLedger ledger;
  @Inject private ImportService imports;
  @Inject private ImportRunner runner;
  @Inject private XeroConnections connections;
  @Inject private SettingsService settings;
  @Inject private StockValuations valuations;
  @Inject private ReferenceData reference;
  @Inject private XeroClient client;

  /** The months with their valuation, Xero's balance and the journal a run would send. */
  public List<ClosingMonth> months(YearMonth from, YearMonth to, String baseUrl) {
    XeroTarget target = connections.requireTarget();
    AccountingSettings current = settings.current();
    boolean periodic = current.accountingMethod() == AccountingMethod.PERIODIC;
    String inventory = current.account(AccountRole.INVENTORY).orElse(null);
    if (periodic) {
      // As before a run: a draft posted in Xero since is in the balance, so it must count as
      // posted here too, or the page would offer to empty it.
      runner.readStatuses(target, ledger.inXero(Series.CLOSING_STOCK, from, to), READER);
    }
    Inputs inputs = periodic ? inputs(target, current, from, to) : null;
    Targets targets = periodic ? inputs : unused();
    List<ClosingMonth> out = new ArrayList<>();
    for (Planned p :
        ledger.months(
            Series.CLOSING_STOCK, targets, target.tenantId(), from, to, false, baseUrl, periodic)) {
      Month m = CogsService.view(p, postings -> ClosingStock.movement(postings, inventory));
      YearMonth month = p.month().month();
      out.add(
          periodic
              ? new ClosingMonth(m, inputs.valuation(month), inputs.balance(month))
              : new ClosingMonth(notUsed(m), null, null));
    }
    return out;
  }

  /**
   * Reads what Xero now holds of the range's journals and its balances, stores each month's open
   * journal as it should now be and starts an import run over them.
   */
  public ImportService.Started importMonths(
      YearMonth from, YearMonth to, String actor, String baseUrl) {
    XeroTarget target = connections.requireTarget();
    AccountingSettings current = settings.current();
    if (current.accountingMethod() != AccountingMethod.PERIODIC) {
      throw new BusinessException(NOT_USED);
    }
    // Statuses first: a journal the accountant posted since is in the balance read next, and must
    // count as posted in the plan, or the month would be posted twice.
    runner.readStatuses(target, ledger.inXero(Series.CLOSING_STOCK, from, to), actor);
    List<Planned> planned =
        ledger.store(
            Series.CLOSING_STOCK,
            inputs(target, current, from, to),
            target.tenantId(),
            from,
            to,
            false,
            baseUrl);
    List<String> open =
        planned.stream().map(p -> p.plan().sourceId()).filter(Objects::nonNull).toList();
    if (open.isEmpty()) {
      throw new BusinessException(
          CogsService.nothingToImport(from, to, planned, "no change in stock value to post"));
    }
    return imports.importClosingStockJournals(open, actor, baseUrl);
  }

  /**
   * Each month's target from its month-end valuation and Xero's balance at that month end; the
   * balance is read only for months with a valuation (one report call each).
   */
  private Inputs inputs(
      XeroTarget target, AccountingSettings current, YearMonth from, YearMonth to) {
    String inventory = current.account(AccountRole.INVENTORY).orElse(null);
    String movement = current.account(AccountRole.CLOSING_STOCK).orElse(null);
    Optional<XeroOrganisation> organisation = reference.organisation(target.tenantId());
    Map<YearMonth, MonthEnd> ends = new HashMap<>();
    Optional<String> accountId =
        inventory == null
            ? Optional.empty()
            : reference.accountByCode(target.tenantId(), inventory).map(XeroAccount::getAccountId);
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      Optional<StockValuationView> valuation = valuations.at(m.atEndOfMonth());
      if (valuation.isEmpty()) {
        continue;
      }
      BigDecimal balance = null;
      String problem = null;
      if (inventory != null && accountId.isEmpty()) {
        problem =
            "account "
                + inventory
                + " is not in Xero's chart as LedgerBridge last read it (Settings › Refresh from"
                + " Xero)";
      } else if (inventory != null) {
        try {
          balance =
              ReportBalances.balance(
                  client.balanceSheet(target, m.atEndOfMonth()), accountId.get());
        } catch (XeroException e) {
          problem = e.getMessage();
        } catch (IllegalArgumentException e) { // an amount in the report that is not a number
          problem = "Xero's balance sheet could not be read (" + e.getMessage() + ")";
        }
      }
      ends.put(
          m,
          new MonthEnd(m, valuation.get().total(), valuation.get().currency(), balance, problem));
    }
    return new Inputs(
        ends,
        organisation.map(XeroOrganisation::getBaseCurrency).orElse(null),
        organisation.map(XeroOrganisation::effectiveLockDate).orElse(null),
        ClosingStock.pending(null, false, ledger.before(Series.CLOSING_STOCK, from), inventory),
        inventory,
        movement);
  }

  /**
   * What the months' targets are computed from, read before the plan. Months are computed in order,
   * each counting what the earlier ones will move into stock once posted.
   */
  private record Inputs(
      Map<YearMonth, MonthEnd> ends,
      String baseCurrency,
      LocalDate lockDate,
      BigDecimal pendingBefore,
      String inventory,
      String movement)
      implements Targets {

    @Override
    public List<CogsCalculator.Month> months(
        YearMonth first, YearMonth last, Map<YearMonth, List<Journal>> journals) {
      List<CogsCalculator.Month> months = new ArrayList<>();
      BigDecimal pending = pendingBefore;
      for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
        List<Journal> mine = journals.getOrDefault(m, List.of());
        CogsCalculator.Month month =
            ClosingStock.month(
                ends.getOrDefault(m, MonthEnd.none(m)),
                baseCurrency,
                pending,
                mine,
                inventory,
                movement);
        boolean planned =
            month.blocking().isEmpty()
                && CogsPlan.of(Series.CLOSING_STOCK, month, mine, lockDate, false)
                    .blocking()
                    .isEmpty();
        pending = pending.add(ClosingStock.pending(month, planned, mine, inventory));
        months.add(month);
      }
      return months;
    }

    BigDecimal valuation(YearMonth m) {
      MonthEnd end = ends.get(m);
      return end == null ? null : end.valuation();
    }

    BigDecimal balance(YearMonth m) {
      MonthEnd end = ends.get(m);
      return end == null ? null : end.xeroBalance();
    }
  }

  /** Under perpetual: the months and LedgerBridge's journals, nothing computed, nothing to send. */
  private static Targets unused() {
    return (first, last, journals) -> {
      List<CogsCalculator.Month> months = new ArrayList<>();
      for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
        months.add(
            new CogsCalculator.Month(
                m, List.of(), BigDecimal.ZERO.setScale(2), 0, 0, 0, List.of()));
      }
      return months;
    };
  }

  private static Month notUsed(Month m) {
    return new Month(
        m.month(),
        State.NOT_USED,
        m.cost(),
        m.inXero(),
        m.posted(),
        m.difference(),
        0,
        0,
        0,
        m.journals(),
        null,
        null,
        null,
        "NONE",
        List.of(),
        List.of(),
        List.of(new Problem("NOT_PERIODIC", NOT_USED)));
  }
}
