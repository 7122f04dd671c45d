package io.ledgerbridge.web;

import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import io.ledgerbridge.platform.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;

/** What every page's frame needs: who is signed in, what they may open, and signing out. */
@Named
@RequestScoped
public class Layout {

  @Inject private FacesContext faces;
  @Inject private LedgerBridgeConfig config;

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
    return io.ledgerbridge.sandbox.control.SandboxSettings.fromConfig().enabled();
  }

  public List<Kind> getKinds() {
    return List.of(Kind.values());
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
