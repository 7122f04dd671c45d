package io.ledgerbridge.web;

import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import io.ledgerbridge.platform.security.Role;
import io.ledgerbridge.settings.boundary.SettingsService;
import io.ledgerbridge.settings.entity.AccountingMethod;
import io.ledgerbridge.xero.boundary.ConnectionView;
import io.ledgerbridge.xero.boundary.XeroConnections;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** What every page's frame needs: who is signed in, what they may open, and signing out. */
@Named
@RequestScoped
public class Layout {

  @Inject private FacesContext faces;
  @Inject private LedgerBridgeConfig config;
  @Inject private XeroConnections xero;
  @Inject private SettingsService settings;

  private Optional<ConnectionView> xeroView;
  private String monthJournals;

  public String getUsername() {
    var principal = faces.getExternalContext().getUserPrincipal();
    return principal == null ? null : principal.getName();
  }

  public String getRoleName() {
    ExternalContext external = faces.getExternalContext();
    if (external.isUserInRole(Role.ADMIN_NAME)) {
      return Role.ADMIN_NAME;
    }
    if (external.isUserInRole(Role.ACCOUNTANT_NAME)) {
      return Role.ACCOUNTANT_NAME;
    }
    return Role.VIEWER_NAME;
  }

  public boolean isAccountant() {
    return faces.getExternalContext().isUserInRole(Role.ACCOUNTANT_NAME);
  }

  public boolean isAdmin() {
    return faces.getExternalContext().isUserInRole(Role.ADMIN_NAME);
  }

  public boolean isDemoMode() {
    return config.demoMode();
  }

  /** Whether the built-in Xero sandbox is on (its console page is shown to admins then). */
  public boolean isSandbox() {
    return io.ledgerbridge.platform.config.LedgerBridgeConfig.sandboxEnabled();
  }

  /**
   * Read once per rendering; on a postback the header's {@code rendered} tests also run before the
   * action (which may connect or disconnect), so nothing is kept from those earlier phases.
   */
  private Optional<ConnectionView> xeroView() {
    if (xeroView != null) {
      return xeroView;
    }
    Optional<ConnectionView> view = getUsername() == null ? Optional.empty() : xero.current();
    if (faces.getCurrentPhaseId() == PhaseId.RENDER_RESPONSE) {
      xeroView = view;
    }
    return view;
  }

  /**
   * The chosen Xero organisation's name, shown on every page so nobody imports into the wrong
   * books.
   */
  public String getXeroOrganisation() {
    return xeroView()
        .filter(v -> v.tenantId() != null)
        .map(ConnectionView::tenantName)
        .orElse(null);
  }

  /** Whether Xero refused to renew the connection (the banner on every page). */
  public boolean isXeroNeedsReconnect() {
    return xeroView().map(ConnectionView::needsReconnect).orElse(false);
  }

  public List<Kind> getKinds() {
    return Kind.receivedKinds();
  }

  /** The month-journal page's menu name: what the accounting method journals each month. */
  public String getMonthJournals() {
    if (monthJournals == null) {
      monthJournals =
          settings.current().accountingMethod() == AccountingMethod.PERIODIC
              ? "Closing stock"
              : "COGS";
    }
    return monthJournals;
  }

  /** Signs out: ends the container login and the session, then returns to the login page. */
  public void logout() throws IOException, ServletException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    external.redirect(external.getRequestContextPath() + "/login.xhtml?signedOut=true");
    faces.responseComplete();
  }
}
