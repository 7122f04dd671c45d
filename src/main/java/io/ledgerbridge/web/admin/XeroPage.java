package io.ledgerbridge.web.admin;

import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import io.ledgerbridge.xero.boundary.ConnectionView;
import io.ledgerbridge.xero.boundary.RequestBase;
import io.ledgerbridge.xero.boundary.XeroCallbackServlet;
import io.ledgerbridge.xero.boundary.XeroConnectionService;
import io.ledgerbridge.xero.boundary.XeroConnections;
import io.ledgerbridge.xero.boundary.XeroSetup;
import io.ledgerbridge.xero.control.PendingAuthorisation;
import io.ledgerbridge.xero.control.XeroConnectionInfo;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Xero connection page (admin): connect (Xero's consent, or the custom connection), pick the
 * organisation, see the token state, disconnect. The callback comes back here with {@code
 * ?result=}.
 */
@Named
@ViewScoped
public class XeroPage implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> RESULTS =
      Map.of(
          "connected", "Connected to Xero.",
          "denied", "Access was not allowed at Xero; nothing changed.",
          "state",
              "The answer from Xero did not match a connection started here (or took longer than"
                  + " ten minutes). Connect again.",
          "error", "Xero answered with an error; nothing changed. Connect again.",
          "failed", "Xero did not complete the connection. Connect again.");

  @Inject private transient XeroConnectionService service;
  @Inject private transient XeroConnections connections;
  @Inject private transient LedgerBridgeConfig config;

  private String result;
  private transient ConnectionView view;
  private transient List<XeroConnectionInfo> organisations;
  private transient boolean loaded;

  /** Shows what the callback reported ({@code f:viewAction}), with its reason when known. */
  public void showResult() {
    String text = result == null ? null : RESULTS.get(result);
    Object why =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getSessionMap()
            .remove(XeroCallbackServlet.FAILURE_KEY);
    if ("failed".equals(result) && why instanceof String reason) {
      text = reason + " Connect again.";
    }
    if ("connected".equals(result)
        && connections.current().map(ConnectionView::awaitingOrganisation).orElse(false)) {
      text = "Connected to Xero. Choose the organisation LedgerBridge works with.";
    }
    if (text != null) {
      FacesContext.getCurrentInstance()
          .addMessage(
              null,
              new FacesMessage(
                  "connected".equals(result)
                      ? FacesMessage.SEVERITY_INFO
                      : FacesMessage.SEVERITY_WARN,
                  text,
                  null));
    }
  }

  private void load() {
    if (loaded) {
      return;
    }
    loaded = true;
    view = connections.current().orElse(null);
    organisations = List.of();
    if (view != null && !view.needsReconnect()) {
      try {
        organisations = service.organisations();
      } catch (BusinessException e) {
        message(FacesMessage.SEVERITY_WARN, e.getMessage());
      } catch (jakarta.ejb.EJBException e) {
        if (!(e.getCause() instanceof BusinessException business)) {
          throw e;
        }
        message(FacesMessage.SEVERITY_WARN, business.getMessage());
      }
    }
  }

  /** Starts the authorisation-code flow: remembers state and verifier, then off to Xero. */
  public void connect() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    PendingAuthorisation pending =
        run(() -> service.beginAuthorisation(RequestBase.of(request(external))));
    if (pending == null) {
      return;
    }
    XeroCallbackServlet.attempts((HttpSession) external.getSession(true))
        .add(pending, java.time.Instant.now());
    external.redirect(pending.authorizeUrl());
    faces.responseComplete();
  }

  public void connectCustom() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    if (run(() -> service.connectClientCredentials(RequestBase.of(request(external)), actor()))
        != null) {
      message(FacesMessage.SEVERITY_INFO, "Connected to Xero with the custom connection.");
    }
    loaded = false;
  }

  public void choose(String tenantId) {
    ConnectionView chosen = run(() -> service.chooseOrganisation(tenantId, actor()));
    if (chosen != null) {
      message(
          FacesMessage.SEVERITY_INFO, "LedgerBridge now works with " + chosen.tenantName() + ".");
    }
    loaded = false;
  }

  public void disconnect() {
    Boolean done = run(() -> service.disconnect(actor()));
    if (Boolean.TRUE.equals(done)) {
      message(
          FacesMessage.SEVERITY_INFO,
          "Disconnected from Xero. LedgerBridge's own data is kept; connect again at any time.");
    }
    loaded = false;
  }

  private <T> T run(Supplier<T> action) {
    try {
      return action.get();
    } catch (BusinessException e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
    } catch (jakarta.ejb.EJBException e) {
      if (!(e.getCause() instanceof BusinessException business)) {
        throw e;
      }
      message(FacesMessage.SEVERITY_ERROR, business.getMessage());
    }
    FacesContext.getCurrentInstance().validationFailed();
    return null;
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  private static HttpServletRequest request(ExternalContext external) {
    return (HttpServletRequest) external.getRequest();
  }

  private static String actor() {
    return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
  }

  public ConnectionView getView() {
    load();
    return view;
  }

  public List<XeroConnectionInfo> getOrganisations() {
    load();
    return organisations;
  }

  public boolean isCustomConnectionAvailable() {
    return XeroSetup.customConnectionAvailable(config);
  }

  public String getResult() {
    return result;
  }

  public void setResult(String result) {
    this.result = result;
  }
}
