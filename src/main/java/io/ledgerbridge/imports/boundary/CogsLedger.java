package io.ledgerbridge.imports.boundary;

import io.ledgerbridge.imports.control.CogsCalculator;
import io.ledgerbridge.imports.control.CogsCalculator.CostLine;
import io.ledgerbridge.imports.control.CogsPlan;
import io.ledgerbridge.imports.control.CogsPlan.Journal;
import io.ledgerbridge.imports.control.CogsPlan.Series;
import io.ledgerbridge.imports.control.Preview;
import io.ledgerbridge.imports.control.Previewer;
import io.ledgerbridge.imports.entity.XeroDocument;
import io.ledgerbridge.intake.control.Importability;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.intake.entity.SourceTransaction;
import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.settings.boundary.SettingsService;
import io.ledgerbridge.xero.entity.XeroOrganisation;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The months' COGS against what LedgerBridge holds in Xero for them (issue 12 §2): computes each
 * month from its sales and restocked returns, plans its open journal ({@link CogsPlan}), previews
 * it through the import engine's {@link Previewer}, and — before an import — stores the open
 * journal as a {@link Kind#COGS} transaction, so that the engine sends it exactly once like any
 * other document.
 */
@Stateless
@LocalBean
public class CogsLedger {

  /** The most months one call covers. */
  public static final int MAX_MONTHS = 36;

  /** A month, with the plan for its open journal and that journal's preview (null: none). */
  public record Planned(
      CogsCalculator.Month month, CogsPlan plan, Preview preview, List<Journal> journals) {}

  /**
   * What each month of a series must hold in Xero, given the journals LedgerBridge already made for
   * it (a closing-stock target depends on what of it Xero already shows posted).
   */
  @FunctionalInterface
  public interface Targets {
    List<CogsCalculator.Month> months(
        YearMonth from, YearMonth to, Map<YearMonth, List<Journal>> journals);
  }

  @PersistenceContext private EntityManager em;
  @Inject private SettingsService settings;
  @Inject private ImportPreviews previews;
  @Inject private ImportReadiness readiness;

  /**
   * Every month in the range, planned against what Xero holds, nothing stored; with each open
   * journal's preview when {@code previewed} (not needed where nothing will be sent).
   */
  public List<Planned> months(
      String tenantId,
      YearMonth from,
      YearMonth to,
      boolean bookLocked,
      String baseUrl,
      boolean previewed) {
    check(from, to);
    XeroOrganisation organisation = em.find(XeroOrganisation.class, tenantId);
    return plan(
        Series.COGS,
        cogs(),
        tenantId,
        organisation,
        from,
        to,
        bookLocked,
        baseUrl,
        false,
        previewed);
  }

  /** As {@link #months}, for any series, with its targets. */
  public List<Planned> months(
      Series series,
      Targets targets,
      String tenantId,
      YearMonth from,
      YearMonth to,
      boolean bookLocked,
      String baseUrl,
      boolean previewed) {
    check(from, to);
    XeroOrganisation organisation = em.find(XeroOrganisation.class, tenantId);
    return plan(
        series, targets, tenantId, organisation, from, to, bookLocked, baseUrl, false, previewed);
  }

  /**
   * Plans the range and stores each month's open journal as it should now be (a new one, or a new
   * version of the open one), serialised per organisation so that two runs at once plan the same
   * journals. Returns every month planned, in month order; those with an open journal to send have
   * its source id in their plan.
   */
  public List<Planned> store(
      String tenantId, YearMonth from, YearMonth to, boolean bookLocked, String baseUrl) {
    return store(Series.COGS, cogs(), tenantId, from, to, bookLocked, baseUrl);
  }

  /** As {@link #store}, for any series, with its targets. */
  public List<Planned> store(
      Series series,
      Targets targets,
      String tenantId,
      YearMonth from,
      YearMonth to,
      boolean bookLocked,
      String baseUrl) {
    check(from, to);
    XeroOrganisation organisation =
        em.find(XeroOrganisation.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
    if (organisation == null) {
      throw new BusinessException(
          "Xero's reference data has not been downloaded yet: Settings › Refresh from Xero.");
    }
    return plan(series, targets, tenantId, organisation, from, to, bookLocked, baseUrl, true, true);
  }

  /** The COGS series' targets: each month's cost from its sales and restocked returns. */
  private Targets cogs() {
    return (from, to, journals) ->
        new CogsCalculator(settings.current()).months(from, to, costLines(from, to));
  }

  private List<Planned> plan(
      Series series,
      Targets targets,
      String tenantId,
      XeroOrganisation organisation,
      YearMonth from,
      YearMonth to,
      boolean bookLocked,
      String baseUrl,
      boolean store,
      boolean previewed) {
    Map<YearMonth, List<SourceTransaction>> stored = journals(series, from, to);
    List<SourceTransaction> all = stored.values().stream().flatMap(List::stream).toList();
    Map<Long, XeroDocument> documents =
        previews.documents(all.stream().map(SourceTransaction::getId).toList());
    Map<YearMonth, List<Journal>> made = new LinkedHashMap<>();
    stored.forEach(
        (month, mine) ->
            made.put(
                month, mine.stream().map(t -> Journal.of(t, documents.get(t.getId()))).toList()));
    List<CogsCalculator.Month> months = targets.months(from, to, made);
    LocalDate lockDate = organisation == null ? null : organisation.effectiveLockDate();
    String currency = organisation == null ? null : organisation.getBaseCurrency();
    Instant now = Instant.now();
    record Step(
        CogsCalculator.Month month,
        CogsPlan plan,
        List<Journal> journals,
        SourceTransaction open,
        XeroDocument document) {}
    List<Step> steps = new ArrayList<>();
    for (CogsCalculator.Month month : months) {
      List<SourceTransaction> mine = stored.getOrDefault(month.month(), List.of());
      List<Journal> journals = made.getOrDefault(month.month(), List.of());
      CogsPlan plan = CogsPlan.of(series, month, journals, lockDate, bookLocked);
      SourceTransaction open = null;
      if (plan.sourceId() != null) {
        var content =
            CogsCalculator.content(plan.number(), tenantId, currency, plan.date(), plan.postings());
        open =
            mine.stream()
                .filter(t -> t.getSourceId().equals(plan.sourceId()))
                .findFirst()
                .orElse(null);
        if (open == null) {
          open = SourceTransaction.receive(series.kind(), plan.sourceId(), 1, content, now);
          if (store) {
            em.persist(open);
          }
        } else if (plan.changes()) {
          if (store) {
            open.receiveVersion(open.getSourceVersion() + 1, content, now);
          } else {
            open =
                SourceTransaction.receive(
                    series.kind(), plan.sourceId(), open.getSourceVersion() + 1, content, now);
          }
        }
      }
      XeroDocument document =
          plan.openJournal() == null ? null : documents.get(plan.openJournal().id());
      steps.add(new Step(month, plan, journals, open, document));
    }
    // One readiness query for the range, not one per month.
    List<Step> open =
        previewed ? steps.stream().filter(st -> st.open() != null).toList() : List.of();
    List<List<Importability.Reason>> reasons =
        open.isEmpty()
            ? List.of()
            : readiness.reasons(
                open.stream().map(st -> Importability.Facts.of(st.open())).toList());
    Previewer previewer = open.isEmpty() ? null : previews.previewer(tenantId, baseUrl);
    List<Planned> out = new ArrayList<>();
    int next = 0;
    for (Step st : steps) {
      Preview preview = null;
      if (previewer != null && st.open() != null) {
        preview = previewer.preview(st.open(), null, reasons.get(next++), st.document());
      }
      out.add(new Planned(st.month(), st.plan(), preview, st.journals()));
    }
    if (store) {
      em.flush();
    }
    return out;
  }

  /**
   * The ids of the range's COGS journals Xero may still change: drafts (the accountant may have
   * posted or deleted one) and posted journals (one may have been voided, and then counts nothing).
   */
  public List<Long> inXero(YearMonth from, YearMonth to) {
    return inXero(Series.COGS, from, to);
  }

  /** As {@link #inXero(YearMonth, YearMonth)}, for any series. */
  public List<Long> inXero(Series series, YearMonth from, YearMonth to) {
    check(from, to);
    List<SourceTransaction> all =
        journals(series, from, to).values().stream().flatMap(List::stream).toList();
    Map<Long, XeroDocument> documents =
        previews.documents(all.stream().map(SourceTransaction::getId).toList());
    return all.stream()
        .map(SourceTransaction::getId)
        .filter(id -> documents.containsKey(id) && mayChange(documents.get(id)))
        .toList();
  }

  /** The series' journals of the months before {@code from}, oldest first. */
  public List<Journal> before(Series series, YearMonth from) {
    List<SourceTransaction> all =
        em.createQuery(
                "SELECT t FROM SourceTransaction t WHERE t.kind = :kind"
                    + " AND t.sourceId < :first ORDER BY t.id",
                SourceTransaction.class)
            .setParameter("kind", series.kind())
            .setParameter("first", series.sourceId(from, 0))
            .getResultList();
    Map<Long, XeroDocument> documents =
        previews.documents(all.stream().map(SourceTransaction::getId).toList());
    return all.stream()
        .filter(t -> series.month(t.getSourceId()).isPresent())
        .map(t -> Journal.of(t, documents.get(t.getId())))
        .toList();
  }

  private static boolean mayChange(XeroDocument document) {
    return document.live() && !"VOIDED".equals(document.getXeroStatus());
  }

  /** The cost-bearing lines of sales and customer credits that may fall in the range. */
  private List<CostLine> costLines(YearMonth from, YearMonth to) {
    // The Xero date is the invoice date or the dispatch date (settings): read both ranges.
    LocalDate first = from.atDay(1);
    LocalDate last = to.atEndOfMonth();
    List<CostLine> out = new ArrayList<>();
    for (Object[] row :
        em.createQuery(
                "SELECT t.id, t.kind, t.date, t.dispatchDate, t.branch, l.costAmount, l.unitCost,"
                    + " l.quantity, l.restock, l.sku, t.contactCode"
                    + " FROM TransactionLine l JOIN l.transaction t"
                    + " WHERE t.kind IN :kinds AND t.voided = FALSE"
                    + " AND ((t.date BETWEEN :first AND :last)"
                    + " OR (t.dispatchDate BETWEEN :first AND :last))",
                Object[].class)
            .setParameter("kinds", List.of(Kind.SALE, Kind.CUSTOMER_CREDIT))
            .setParameter("first", first)
            .setParameter("last", last)
            .getResultList()) {
      BigDecimal costAmount = (BigDecimal) row[5];
      BigDecimal unitCost = (BigDecimal) row[6];
      BigDecimal quantity = (BigDecimal) row[7];
      BigDecimal cost =
          costAmount != null
              ? costAmount
              : unitCost != null && quantity != null ? unitCost.multiply(quantity) : null;
      Boolean restock = (Boolean) row[8];
      out.add(
          new CostLine(
              (Long) row[0],
              (Kind) row[1],
              (LocalDate) row[2],
              (LocalDate) row[3],
              (String) row[4],
              (String) row[9],
              (String) row[10],
              cost,
              restock == null || restock));
    }
    return out;
  }

  /** LedgerBridge's journals of the series in the range, per month, first then its deltas. */
  private Map<YearMonth, List<SourceTransaction>> journals(
      Series series, YearMonth from, YearMonth to) {
    Map<YearMonth, List<SourceTransaction>> out = new LinkedHashMap<>();
    for (SourceTransaction t :
        em.createQuery(
                "SELECT t FROM SourceTransaction t WHERE t.kind = :kind"
                    + " AND t.sourceId >= :first AND t.sourceId < :after ORDER BY t.id",
                SourceTransaction.class)
            .setParameter("kind", series.kind())
            .setParameter("first", series.sourceId(from, 0))
            .setParameter("after", series.sourceId(to.plusMonths(1), 0))
            .getResultList()) {
      series
          .month(t.getSourceId())
          .ifPresent(m -> out.computeIfAbsent(m, k -> new ArrayList<>()).add(t));
    }
    return out;
  }

  private static void check(YearMonth from, YearMonth to) {
    if (from == null || to == null) {
      throw new BusinessException("Say which months: from and to, as YYYY-MM.");
    }
    if (to.isBefore(from)) {
      throw new BusinessException("The range ends (" + to + ") before it starts (" + from + ").");
    }
    if (from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
      throw new BusinessException("At most " + MAX_MONTHS + " months at a time.");
    }
  }
}
