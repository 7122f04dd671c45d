package io.ledgerbridge.web.transactions;

import io.ledgerbridge.imports.boundary.ImportService;
import io.ledgerbridge.intake.boundary.Blocker;
import io.ledgerbridge.intake.boundary.Page;
import io.ledgerbridge.intake.boundary.Readiness;
import io.ledgerbridge.intake.boundary.ReadinessTally;
import io.ledgerbridge.intake.boundary.Sort;
import io.ledgerbridge.intake.boundary.TransactionFilter;
import io.ledgerbridge.intake.boundary.TransactionQueries;
import io.ledgerbridge.intake.boundary.TransactionSummary;
import io.ledgerbridge.intake.control.Importability;
import io.ledgerbridge.intake.entity.ImportState;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.DateRules;
import io.ledgerbridge.platform.TextRules;
import io.ledgerbridge.settings.entity.Direction;
import io.ledgerbridge.web.Paging;
import io.ledgerbridge.web.imports.PageActions;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The list of one kind of transaction. Every filter, the sort and the page are URL parameters, so a
 * list can be bookmarked, shared and navigated with the browser's back button; the database does
 * the paging.
 *
 * <p>Invoices, bills and credit notes can be imported from here (accountant and above): the rows
 * ticked on this page, everything matching the filter, or all of those matching it that are ready
 * to import. A readiness filter (ready, blocked, blocked by a category) narrows the list to waiting
 * transactions as the import rules judge them; the home page links here with it. View scoped so
 * that the import buttons, shown for this list's kind, are still there when the form comes back.
 */
@Named
@ViewScoped
public class TransactionListPage implements Serializable {

  private static final long serialVersionUID = 1L;

  static final int PAGE_SIZE = 50;

  /** The name of the row checkboxes: each one's value is the row's source id. */
  static final String SELECTED = "selected";

  @Inject private transient TransactionQueries queries;
  @Inject private transient Importability.ContextSource readiness;
  @Inject private transient ImportService imports;

  private String kindParam;
  private String stateParam;
  private String fromParam;
  private String toParam;
  private String branch;
  private String contact;
  private String q;
  private String readinessParam;
  private String sortParam;
  private String pageParam;

  private Kind kind;
  private ImportState state;
  private LocalDate from;
  private LocalDate to;
  private Readiness readinessFilter;
  private int page = 1;

  /** Part of the filter in the address could not be read and is not applied. */
  private boolean filterIgnored;

  private transient Sort sort;
  private transient Page<TransactionSummary> result;
  private transient Map<Long, java.math.BigDecimal> adjustmentValues;
  private transient Importability.Context readinessContext;
  private transient List<String> branches;
  private transient ReadinessTally tally;

  public void load() throws IOException {
    filterIgnored = false;
    kind = Kind.parse(kindParam).orElse(null);
    if (kind == null) {
      FacesContext faces = faces();
      faces.getExternalContext().responseSendError(404, "No such list");
      faces.responseComplete();
      return;
    }
    state = parseState(stateParam);
    from = parseDate("From", fromParam);
    to = parseDate("To", toParam);
    readinessFilter = parseReadiness(readinessParam);
    sort = Sort.parse(sortParam).orElse(Sort.DEFAULT);
    TransactionFilter filter = filter();
    result = queries.search(filter, parsePage(pageParam), PAGE_SIZE, sort);
    if (result.items().isEmpty() && result.page() > result.pageCount()) {
      // A page past the end (an old bookmark) shows the last page rather than an empty one.
      result = queries.search(filter, result.pageCount(), PAGE_SIZE, sort);
    }
    page = result.page();
    branches = queries.branches(kind);
    tally = queries.readiness(filter.withReadiness(null)).getOrDefault(kind, new ReadinessTally());
  }

  private TransactionFilter filter() {
    return new TransactionFilter(kind, state, from, to, branch, contact, q, readinessFilter);
  }

  private Readiness parseReadiness(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return Readiness.parse(text)
        .orElseGet(
            () -> {
              warn("Unknown readiness '" + text + "' was ignored.");
              filterIgnored = true;
              return null;
            });
  }

  private ImportState parseState(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return ImportState.valueOf(TextRules.token(text).orElse("?"));
    } catch (IllegalArgumentException e) {
      warn("Unknown state '" + text + "' was ignored.");
      filterIgnored = true;
      return null;
    }
  }

  private int parsePage(String text) {
    if (text == null || text.isBlank()) {
      return 1;
    }
    try {
      return Math.max(1, Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      warn("Page '" + text + "' is not a page number; showing the first page.");
      return 1;
    }
  }

  public ImportState getState() {
    return state;
  }

  private LocalDate parseDate(String label, String text) {
    try {
      return DateRules.parse(label, text);
    } catch (BusinessException e) {
      warn(e.getMessage() + " It was ignored.");
      filterIgnored = true;
      return null;
    }
  }

  private void warn(String message) {
    faces().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, message, null));
  }

  private static FacesContext faces() {
    return FacesContext.getCurrentInstance();
  }

  // ---- import (POST) ---------------------------------------------------------------------------

  /** Imports the rows ticked on this page, then shows the run. */
  public void importSelected() {
    String[] ticked = faces().getExternalContext().getRequestParameterValuesMap().get(SELECTED);
    List<String> sourceIds =
        ticked == null ? List.of() : Arrays.stream(ticked).filter(s -> !s.isBlank()).toList();
    start(
        "selected",
        actions ->
            imports
                .importSourceIds(kind, sourceIds, actions.user(), actions.requestBase())
                .run()
                .getId());
  }

  /**
   * Whether an import of "everything matching" is refused because part of the filter could not be
   * read: it must mean what the user asked for, not more.
   */
  private boolean refusedForUnreadFilter() {
    if (!filterIgnored) {
      return false;
    }
    faces()
        .addMessage(
            null,
            new FacesMessage(
                FacesMessage.SEVERITY_ERROR,
                "Nothing was imported: part of the filter could not be read. Correct it first.",
                null));
    return true;
  }

  /** Imports every transaction matching the filter (all pages), then shows the run. */
  public void importAll() {
    if (refusedForUnreadFilter()) {
      return;
    }
    start(
        "all",
        actions ->
            imports.importMatching(filter(), actions.user(), actions.requestBase()).run().getId());
  }

  /**
   * Imports every transaction matching the filter that is ready to import (whatever the list's own
   * readiness filter), then shows the run. The engine judges each one again as it imports it.
   */
  public void importReady() {
    if (refusedForUnreadFilter()) {
      return;
    }
    start(
        "ready",
        actions ->
            imports
                .importMatching(
                    filter().withReadiness(Readiness.READY), actions.user(), actions.requestBase())
                .run()
                .getId());
  }

  private void start(String button, java.util.function.ToLongFunction<PageActions> run) {
    PageActions actions = new PageActions(faces());
    if (!actions.allowed()) {
      return;
    }
    long[] id = new long[1];
    if (actions.attempt(() -> id[0] = actions.startOnce(button, () -> run.applyAsLong(actions)))) {
      actions.redirect("/imports/run.xhtml?id=" + id[0]);
    } else {
      // Back to the same list, which shows the message.
      actions.redirect(pageUrl(page).substring(contextPath().length()));
    }
  }

  private static String contextPath() {
    return faces().getExternalContext().getRequestContextPath();
  }

  /** Invoices, bills and credit notes are imported from their lists; stock adjustments are not. */
  public boolean isImportable() {
    return kind != null && Direction.of(kind).isPresent();
  }

  /** Whether to show the import controls: an importable kind, to an accountant or admin. */
  public boolean isImportControls() {
    return isImportable() && PageActions.isAccountant(faces());
  }

  /** Whether to offer "Import all ready": some are, and the user is an accountant or admin. */
  public boolean isImportReadyControls() {
    return tally != null && tally.ready() > 0 && PageActions.isAccountant(faces());
  }

  /** More are ready than one run takes: the list must be narrowed first. */
  public boolean isTooManyReady() {
    return tally != null && tally.ready() > ImportService.MAX_RUN;
  }

  public int getMaxRun() {
    return ImportService.MAX_RUN;
  }

  /** The waiting transactions matching the filter (its readiness aside): ready, and blocked by. */
  public ReadinessTally getTally() {
    return tally;
  }

  public Readiness getReadiness() {
    return readinessFilter;
  }

  public List<Readiness> getReadinessOptions() {
    return Readiness.options();
  }

  /** This list with the same filters and sort, narrowed to this readiness instead. */
  public String readinessUrl(Readiness value) {
    Map<String, String> params = filterParams();
    params.put("readiness", value.urlName());
    put(params, "sort", sortParam);
    return url(params);
  }

  public Readiness blockedBy(Blocker blocker) {
    return Readiness.blockedBy(blocker);
  }

  public Readiness getReady() {
    return Readiness.READY;
  }

  /** A stock adjustment's value (the Total column shows it for adjustments), or null. */
  public java.math.BigDecimal value(TransactionSummary row) {
    if (adjustmentValues == null) {
      // One query for the page's rows.
      adjustmentValues =
          queries.adjustmentValues(
              result.items().stream()
                  .filter(r -> r.kind() == Kind.STOCK_ADJUSTMENT)
                  .map(TransactionSummary::id)
                  .toList());
    }
    return adjustmentValues.get(row.id());
  }

  public List<Importability.Reason> reasons(TransactionSummary row) {
    if (readinessContext == null) {
      // One context for the whole page: a few queries, not a few per row.
      readinessContext =
          readiness.contextFor(result.items().stream().map(TransactionSummary::facts).toList());
    }
    return Importability.reasons(row.facts(), readinessContext);
  }

  /** The URL of this list with the same filters and sort, on another page. */
  public String pageUrl(int page) {
    Map<String, String> params = filterParams();
    if (sortParam != null && !sortParam.isBlank()) {
      params.put("sort", sortParam);
    }
    params.put("page", String.valueOf(page));
    return url(params);
  }

  /** The URL sorting by a column: ascending first, descending when it already sorts ascending. */
  public String sortUrl(String field) {
    Map<String, String> params = filterParams();
    Sort.Field target = Sort.Field.parse(field).orElse(Sort.Field.DATE);
    boolean ascending = !(sort.field() == target && sort.ascending());
    params.put("sort", (ascending ? "" : "-") + target.name().toLowerCase(Locale.ROOT));
    return url(params);
  }

  public String sortMark(String field) {
    return Sort.Field.parse(field)
        .filter(f -> f == sort.field())
        .map(f -> sort.ascending() ? " ▲" : " ▼")
        .orElse("");
  }

  private Map<String, String> filterParams() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("kind", kind.urlName());
    put(params, "state", stateParam);
    put(params, "from", fromParam);
    put(params, "to", toParam);
    put(params, "branch", branch);
    put(params, "contact", contact);
    put(params, "q", q);
    if (readinessFilter != null) {
      // The parsed value, so that the links carry the canonical name.
      params.put("readiness", readinessFilter.urlName());
    }
    return params;
  }

  private static void put(Map<String, String> params, String name, String value) {
    if (value != null && !value.isBlank()) {
      params.put(name, value);
    }
  }

  private String url(Map<String, String> params) {
    StringBuilder url = new StringBuilder(contextPath()).append("/transactions/list.xhtml");
    char separator = '?';
    for (Map.Entry<String, String> e : params.entrySet()) {
      url.append(separator)
          .append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    return url.toString();
  }

  /** Page numbers to offer: the first, the last, and a window around the current page. */
  public List<Integer> getPageLinks() {
    return Paging.pageLinks(result.page(), result.pageCount());
  }

  public long getFirstRow() {
    return result.total() == 0 ? 0 : (long) (result.page() - 1) * result.size() + 1;
  }

  public long getLastRow() {
    return Math.min(result.total(), (long) result.page() * result.size());
  }

  public List<ImportState> getStates() {
    return List.of(ImportState.values());
  }

  public Kind getKind() {
    return kind;
  }

  public Page<TransactionSummary> getResult() {
    return result;
  }

  public List<String> getBranches() {
    return branches;
  }

  public String getKindParam() {
    return kindParam;
  }

  public void setKindParam(String kindParam) {
    this.kindParam = kindParam;
  }

  public String getStateParam() {
    return stateParam;
  }

  public void setStateParam(String stateParam) {
    this.stateParam = stateParam;
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

  public String getBranch() {
    return branch;
  }

  public void setBranch(String branch) {
    this.branch = branch;
  }

  public String getContact() {
    return contact;
  }

  public void setContact(String contact) {
    this.contact = contact;
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }

  public String getReadinessParam() {
    return readinessParam;
  }

  public void setReadinessParam(String readinessParam) {
    this.readinessParam = readinessParam;
  }

  public String getSortParam() {
    return sortParam;
  }

  public void setSortParam(String sortParam) {
    this.sortParam = sortParam;
  }

  public String getPageParam() {
    return pageParam;
  }

  public void setPageParam(String pageParam) {
    this.pageParam = pageParam;
  }
}
