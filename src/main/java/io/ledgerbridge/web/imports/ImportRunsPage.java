package io.ledgerbridge.web.imports;

import io.ledgerbridge.imports.boundary.ImportLedger;
import io.ledgerbridge.imports.boundary.ImportService;
import io.ledgerbridge.imports.entity.ImportRun;
import io.ledgerbridge.imports.entity.RunStatus;
import io.ledgerbridge.web.Paging;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The latest import and refresh runs, newest first, a page at a time; and "Refresh from Xero",
 * which starts a run reading back the status of every document LedgerBridge holds in Xero.
 */
@Named
@RequestScoped
public class ImportRunsPage {

  static final int PAGE_SIZE = 50;

  @Inject private ImportLedger ledger;
  @Inject private ImportService imports;
  @Inject private FacesContext faces;

  private String pageParam;
  private int page = 1;
  private long total;
  private List<ImportRun> runs;

  public void load() {
    total = ledger.runCount();
    int last = getPageCount();
    page = Math.min(last, parsePage(pageParam));
    runs = ledger.runs((page - 1) * PAGE_SIZE, PAGE_SIZE);
  }

  private static int parsePage(String text) {
    if (text == null || text.isBlank()) {
      return 1;
    }
    try {
      return Math.max(1, Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /** Refresh from Xero (accountant and above), then the new run's page. */
  public void refresh() {
    PageActions actions = new PageActions(faces);
    if (!actions.allowed()) {
      return;
    }
    long[] id = new long[1];
    boolean started =
        actions.attempt(
            () ->
                id[0] =
                    actions.startOnce(
                        "refresh",
                        () -> imports.refresh(actions.user(), actions.requestBase()).getId()));
    actions.redirect(started ? "/imports/run.xhtml?id=" + id[0] : "/imports/runs.xhtml");
  }

  public String statusLabel(ImportRun run) {
    return run.getStatus() == RunStatus.RUNNING ? "Running" : "Done";
  }

  public String typeLabel(ImportRun run) {
    return switch (run.getType()) {
      case IMPORT -> "Import";
      case REFRESH -> "Refresh";
    };
  }

  public boolean isAccountant() {
    return PageActions.isAccountant(faces);
  }

  public String pageUrl(int p) {
    return faces.getExternalContext().getRequestContextPath()
        + "/imports/runs.xhtml"
        + (p > 1 ? "?page=" + p : "");
  }

  public List<Integer> getPageLinks() {
    return Paging.pageLinks(page, getPageCount());
  }

  public int getPageCount() {
    return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  public long getFirstRow() {
    return runs.isEmpty() ? 0 : (long) (page - 1) * PAGE_SIZE + 1;
  }

  public long getLastRow() {
    return (long) (page - 1) * PAGE_SIZE + runs.size();
  }

  public List<ImportRun> getRuns() {
    return runs;
  }

  public long getTotal() {
    return total;
  }

  public int getPage() {
    return page;
  }

  public String getPageParam() {
    return pageParam;
  }

  public void setPageParam(String pageParam) {
    this.pageParam = pageParam;
  }
}
