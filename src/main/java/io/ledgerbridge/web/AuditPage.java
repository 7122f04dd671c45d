package io.ledgerbridge.web;

import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.audit.AuditEntry;
import io.ledgerbridge.platform.audit.AuditFilter;
import io.ledgerbridge.platform.audit.AuditLog;
import io.ledgerbridge.platform.audit.AuditResults;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The audit log: who did what, when, newest first. Every filter and the page are URL parameters, so
 * a filtered view can be bookmarked and shared; the database does the filtering and paging.
 */
@Named
@RequestScoped
public class AuditPage {

  static final int PAGE_SIZE = AuditLog.DEFAULT_PAGE_SIZE;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  @Inject private AuditLog audit;
  @Inject private FacesContext faces;

  private String actor;
  private String action;
  private String subject;
  private String fromParam;
  private String toParam;
  private String pageParam;

  private AuditResults result;
  private List<String> actionChoices;

  public void load() {
    actionChoices = actionChoices(audit.actions());
    AuditFilter filter;
    try {
      filter = AuditFilter.parse(actor, action, subject, fromParam, toParam);
    } catch (BusinessException e) {
      // Only a hand-edited URL gets here (the date fields send ISO dates): say so, show nothing.
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
      return;
    }
    result = audit.search(filter, parsePage(pageParam), PAGE_SIZE);
    if (result.items().isEmpty() && result.page() > result.pageCount()) {
      // A page past the end (an old bookmark) shows the last page rather than an empty one.
      result = audit.search(filter, result.pageCount(), PAGE_SIZE);
    }
  }

  private int parsePage(String text) {
    if (text == null || text.isBlank()) {
      return 1;
    }
    try {
      return Math.max(1, Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_WARN,
              "Page '" + text + "' is not a page number; showing the first page.",
              null));
      return 1;
    }
  }

  /**
   * The actions to suggest: each one recorded, and before them each family as a prefix ({@code
   * contact.} for {@code contact.linked} and {@code contact.unlinked}).
   */
  static List<String> actionChoices(List<String> actions) {
    TreeSet<String> prefixes = new TreeSet<>();
    for (String a : actions) {
      int dot = a.indexOf('.');
      if (dot > 0) {
        prefixes.add(a.substring(0, dot + 1));
      }
    }
    List<String> choices = new ArrayList<>(prefixes);
    choices.addAll(new TreeSet<>(actions));
    return choices;
  }

  public String when(AuditEntry entry) {
    return WHEN.format(entry.getOccurredAt());
  }

  /** The URL of this view with the same filters, on another page. */
  public String pageUrl(int page) {
    Map<String, String> params = new LinkedHashMap<>();
    put(params, "actor", actor);
    put(params, "action", action);
    put(params, "subject", subject);
    put(params, "from", fromParam);
    put(params, "to", toParam);
    params.put("page", String.valueOf(page));
    StringBuilder url =
        new StringBuilder(faces.getExternalContext().getRequestContextPath())
            .append("/audit.xhtml");
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

  private static void put(Map<String, String> params, String name, String value) {
    if (value != null && !value.isBlank()) {
      params.put(name, value);
    }
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

  /** Null when the filter could not be read (the message says why). */
  public AuditResults getResult() {
    return result;
  }

  public List<String> getActionChoices() {
    return actionChoices;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
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

  public String getPageParam() {
    return pageParam;
  }

  public void setPageParam(String pageParam) {
    this.pageParam = pageParam;
  }
}
