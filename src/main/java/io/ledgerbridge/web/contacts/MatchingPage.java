package io.ledgerbridge.web.contacts;

import io.ledgerbridge.contacts.boundary.ContactLinkStatus;
import io.ledgerbridge.contacts.boundary.ContactMatching;
import io.ledgerbridge.contacts.boundary.ContactProblem;
import io.ledgerbridge.contacts.boundary.XeroContactCache;
import io.ledgerbridge.contacts.control.Candidate;
import io.ledgerbridge.contacts.control.KnownContact;
import io.ledgerbridge.contacts.entity.LinkState;
import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.security.Role;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The contact matching page: source contacts with transactions waiting and no valid link (or as
 * filtered), one contact's candidates with the evidence, and the actions — link, search Xero,
 * create in Xero, unlink, confirm all exact matches, refresh from Xero. Filters and the inspected
 * contact are URL parameters; every change is a POST.
 */
@Named
@ViewScoped
public class MatchingPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private transient ContactMatching matching;

  private String stateParam;
  private String q;
  private String code;

  private ContactMatching.Filter filter = ContactMatching.Filter.ATTENTION;
  private transient List<ContactMatching.Row> rows = List.of();
  private transient ContactMatching.Row selected;
  private String problem;

  private String searchTerm;
  private boolean live;
  private transient List<KnownContact> searchResults = List.of();
  private transient KnownContact offered;

  public void load() {
    try {
      filter = ContactMatching.Filter.parse(stateParam);
    } catch (BusinessException e) {
      message(FacesMessage.SEVERITY_WARN, e.getMessage());
      filter = ContactMatching.Filter.ATTENTION;
    }
    reload();
  }

  private void reload() {
    problem = null;
    try {
      rows = matching.rows(filter, q);
      selected = code == null || code.isBlank() ? null : matching.row(code);
    } catch (BusinessException e) {
      rows = List.of();
      selected = null;
      problem = e.getMessage();
    } catch (EJBException e) {
      rows = List.of();
      selected = null;
      problem = unwrap(e).getMessage();
    }
  }

  // ---- actions (POST) ------------------------------------------------------------------------

  public void link(String xeroContactId) {
    act(
        () -> {
          ContactLinkStatus s = matching.link(code, xeroContactId, user());
          return "Linked " + code + " to " + s.xeroName() + ".";
        });
  }

  public void create() {
    offered = null;
    if (refusedToViewer()) {
      return;
    }
    try {
      ContactLinkStatus s = matching.create(code, user());
      message(
          FacesMessage.SEVERITY_INFO,
          "Created " + s.xeroName() + " in Xero (contact number " + code + ") and linked it.");
    } catch (ContactProblem.NameTaken e) {
      offered = e.existing();
      message(FacesMessage.SEVERITY_WARN, e.getMessage());
    } catch (BusinessException e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
    } catch (EJBException e) {
      message(FacesMessage.SEVERITY_ERROR, unwrap(e).getMessage());
    }
    reload();
  }

  public void unlink() {
    act(
        () -> {
          matching.unlink(code, user());
          return "Unlinked " + code + ".";
        });
  }

  public void confirmExact() {
    act(
        () -> {
          ContactMatching.Confirmed done = matching.confirmExactMatches(user());
          return "Linked "
              + done.linkedCodes().size()
              + " exact matches; "
              + done.left()
              + " left for a person to decide.";
        });
  }

  public void refresh() {
    act(
        () -> {
          XeroContactCache.Refresh done = matching.refresh(user());
          return "Read "
              + done.read()
              + " new or changed contacts from Xero"
              + (done.newlyStale() > 0 ? "; " + done.newlyStale() + " links are now stale." : ".");
        });
  }

  public void search() {
    offered = null;
    if (refusedToViewer()) {
      return;
    }
    try {
      searchResults = matching.search(searchTerm, live);
      if (searchResults.isEmpty()) {
        message(FacesMessage.SEVERITY_INFO, "No Xero contact matches “" + searchTerm + "”.");
      }
    } catch (BusinessException e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
    }
    reload();
  }

  private void act(Supplier<String> action) {
    offered = null;
    if (refusedToViewer()) {
      return;
    }
    try {
      message(FacesMessage.SEVERITY_INFO, action.get());
    } catch (BusinessException e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
    } catch (EJBException e) {
      message(FacesMessage.SEVERITY_ERROR, unwrap(e).getMessage());
    }
    reload();
  }

  /** Accountants and admins change links; a viewer reads the page without its controls. */
  public boolean isEditable() {
    return FacesContext.getCurrentInstance()
        .getExternalContext()
        .isUserInRole(Role.ACCOUNTANT_NAME);
  }

  /** Whether an action was sent by someone who may only read (the controls are not rendered). */
  private boolean refusedToViewer() {
    if (isEditable()) {
      return false;
    }
    FacesContext.getCurrentInstance()
        .getExternalContext()
        .setResponseStatus(jakarta.servlet.http.HttpServletResponse.SC_FORBIDDEN);
    message(
        FacesMessage.SEVERITY_ERROR,
        "Only accountants and admins can link, create or unlink contacts; nothing changed.");
    reload();
    return true;
  }

  private static Throwable unwrap(EJBException e) {
    Throwable t = e;
    while (t instanceof EJBException && t.getCause() != null) {
      t = t.getCause();
    }
    return t instanceof BusinessException ? t : new RuntimeException("Something went wrong.");
  }

  private static String user() {
    return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  // ---- view helpers --------------------------------------------------------------------------

  public List<ContactMatching.Filter> getFilters() {
    return List.of(ContactMatching.Filter.values());
  }

  public String filterLabel(ContactMatching.Filter f) {
    return switch (f) {
      case ATTENTION -> "Needs attention";
      case UNLINKED -> "Not linked";
      case STALE -> "Link stale";
      case LINKED -> "Linked";
      case ALL -> "All";
    };
  }

  /** This page's URL with the current filters, inspecting another contact. */
  public String inspectUrl(String contactCode) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("state", filter.name().toLowerCase(Locale.ROOT));
    if (q != null && !q.isBlank()) {
      params.put("q", q);
    }
    params.put("code", contactCode);
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
        + "/contacts/matching.xhtml?"
        + params.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  public String evidence(Candidate c) {
    return c.evidence().stream().map(e -> e.describe()).collect(Collectors.joining("; "));
  }

  public String score(Candidate c) {
    return String.format(Locale.ROOT, "%.2f", c.score());
  }

  public boolean isLinked() {
    return selected != null && selected.link().state() != LinkState.UNLINKED;
  }

  public long getExactCount() {
    return rows.stream()
        .filter(r -> r.link().state() == LinkState.UNLINKED && r.exact().isPresent())
        .count();
  }

  public List<ContactMatching.Row> getRows() {
    return rows;
  }

  public ContactMatching.Row getSelected() {
    return selected;
  }

  public String getProblem() {
    return problem;
  }

  public ContactMatching.Filter getFilter() {
    return filter;
  }

  public List<KnownContact> getSearchResults() {
    return searchResults;
  }

  public KnownContact getOffered() {
    return offered;
  }

  public String getStateParam() {
    return stateParam;
  }

  public void setStateParam(String stateParam) {
    this.stateParam = stateParam;
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getSearchTerm() {
    return searchTerm;
  }

  public void setSearchTerm(String searchTerm) {
    this.searchTerm = searchTerm;
  }

  public boolean isLive() {
    return live;
  }

  public void setLive(boolean live) {
    this.live = live;
  }
}
