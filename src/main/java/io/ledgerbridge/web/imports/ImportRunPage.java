package io.ledgerbridge.web.imports;

import io.ledgerbridge.imports.boundary.ImportLedger;
import io.ledgerbridge.imports.entity.ImportItem;
import io.ledgerbridge.imports.entity.ImportRun;
import io.ledgerbridge.imports.entity.Outcome;
import io.ledgerbridge.imports.entity.RunStatus;
import io.ledgerbridge.intake.boundary.Sort;
import io.ledgerbridge.intake.boundary.TransactionFilter;
import io.ledgerbridge.intake.boundary.TransactionQueries;
import io.ledgerbridge.intake.entity.ImportState;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.platform.TextRules;
import io.ledgerbridge.web.Paging;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * One import or refresh run: its progress, counts and the outcome of each document, a page at a
 * time and filterable by outcome (a run can hold 20,000 documents). While the run is RUNNING the
 * page polls ({@link #refresh}) and redraws its progress and the current page of outcomes; the run
 * itself goes on in the background whether anybody watches or not.
 */
@Named
@ViewScoped
public class ImportRunPage implements Serializable {

  private static final long serialVersionUID = 1L;

  static final int PAGE_SIZE = 50;

  @Inject private transient ImportLedger ledger;
  @Inject private transient TransactionQueries queries;

  private String idParam;
  private String outcomeParam;
  private String pageParam;

  private long runId;
  private Outcome outcome;
  private int page = 1;

  private transient ImportRun run;
  private transient List<ImportItem> items;
  private transient long matching;
  private transient long changed;

  public void load() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    Long id = parseLong(idParam);
    run = id == null ? null : ledger.run(id).orElse(null);
    if (run == null) {
      faces.getExternalContext().responseSendError(404, "No such import run");
      faces.responseComplete();
      return;
    }
    runId = id;
    outcome = parseOutcome(outcomeParam);
    Long p = parseLong(pageParam);
    page = p == null ? 1 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, p));
    reload();
  }

  /** The poll while the run is RUNNING: reads the run and the shown page of outcomes again. */
  public void refresh() {
    if (runId != 0) {
      run = ledger.run(runId).orElse(null);
      if (run != null) {
        reload();
      }
    }
  }

  private void reload() {
    matching = countFor(outcome);
    int last = (int) Math.max(1, (matching + PAGE_SIZE - 1) / PAGE_SIZE);
    if (page > last) {
      // A page past the end (an old bookmark, or another filter) shows the last page.
      page = last;
    }
    items = ledger.items(runId, outcome, (page - 1) * PAGE_SIZE, PAGE_SIZE);
    changed = 0;
    if (run.getStatus() == RunStatus.DONE && run.getKind() != null) {
      TransactionFilter filter =
          new TransactionFilter(run.getKind(), ImportState.CHANGED, null, null, null, null, null);
      changed = queries.search(filter, 1, 1, Sort.DEFAULT).total();
    }
  }

  private long countFor(Outcome o) {
    if (o == null) {
      return run.getTotal();
    }
    return switch (o) {
      case IMPORTED -> run.getImported();
      case UPDATED -> run.getUpdated();
      case FAILED -> run.getFailed();
      case SKIPPED -> run.getSkipped();
    };
  }

  private static Long parseLong(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Outcome parseOutcome(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Outcome.valueOf(TextRules.token(text).orElse("?"));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  // ---- view helpers ---------------------------------------------------------------------------

  public boolean isRunning() {
    return run != null && run.getStatus() == RunStatus.RUNNING;
  }

  public String statusLabel() {
    return run.getStatus() == RunStatus.RUNNING ? "Running" : "Done";
  }

  public String typeLabel() {
    return switch (run.getType()) {
      case IMPORT -> "Import";
      case REFRESH -> "Refresh";
    };
  }

  public String outcomeLabel(ImportItem item) {
    return label(item.getOutcome());
  }

  public static String label(Outcome o) {
    if (o == null) {
      return "Pending";
    }
    return switch (o) {
      case IMPORTED -> "Imported";
      case UPDATED -> "Updated";
      case FAILED -> "Failed";
      case SKIPPED -> "Skipped";
    };
  }

  /** The filter choices with their counts: all, then each outcome. */
  public List<OutcomeFilter> getFilters() {
    return List.of(
        new OutcomeFilter(null, "All", run.getTotal(), outcome == null, url(null, 1)),
        filter(Outcome.IMPORTED),
        filter(Outcome.UPDATED),
        filter(Outcome.FAILED),
        filter(Outcome.SKIPPED));
  }

  private OutcomeFilter filter(Outcome o) {
    return new OutcomeFilter(o, label(o), countFor(o), o == outcome, url(o, 1));
  }

  /** One choice of the outcome filter. */
  public record OutcomeFilter(
      Outcome outcome, String label, long count, boolean current, String url) {
    public String getKey() {
      return outcome == null ? "ALL" : outcome.name();
    }
  }

  public String pageUrl(int p) {
    return url(outcome, p);
  }

  private String url(Outcome o, int p) {
    String base =
        FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
            + "/imports/run.xhtml?id="
            + runId;
    return base + (o == null ? "" : "&outcome=" + o.name()) + (p > 1 ? "&page=" + p : "");
  }

  public List<Integer> getPageLinks() {
    return Paging.pageLinks(page, getPageCount());
  }

  public int getPageCount() {
    return (int) Math.max(1, (matching + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  public long getFirstRow() {
    return items.isEmpty() ? 0 : (long) (page - 1) * PAGE_SIZE + 1;
  }

  public long getLastRow() {
    return (long) (page - 1) * PAGE_SIZE + items.size();
  }

  /** The list of this run's kind showing what changed at the source since its import. */
  public String getChangedUrl() {
    Kind kind = run.getKind();
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
        + "/transactions/list.xhtml?kind="
        + kind.urlName()
        + "&state="
        + ImportState.CHANGED.name();
  }

  public ImportRun getRun() {
    return run;
  }

  public List<ImportItem> getItems() {
    return items;
  }

  public long getMatching() {
    return matching;
  }

  public long getChanged() {
    return changed;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public int getPage() {
    return page;
  }

  public String getIdParam() {
    return idParam;
  }

  public void setIdParam(String idParam) {
    this.idParam = idParam;
  }

  public String getOutcomeParam() {
    return outcomeParam;
  }

  public void setOutcomeParam(String outcomeParam) {
    this.outcomeParam = outcomeParam;
  }

  public String getPageParam() {
    return pageParam;
  }

  public void setPageParam(String pageParam) {
    this.pageParam = pageParam;
  }
}
