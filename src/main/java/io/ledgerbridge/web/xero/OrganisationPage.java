package io.ledgerbridge.web.xero;

import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.xero.boundary.ConnectionView;
import io.ledgerbridge.xero.boundary.ReferenceData;
import io.ledgerbridge.xero.boundary.ReferenceRefresher;
import io.ledgerbridge.xero.boundary.XeroConnections;
import io.ledgerbridge.xero.entity.XeroAccount;
import io.ledgerbridge.xero.entity.XeroCurrency;
import io.ledgerbridge.xero.entity.XeroOrganisation;
import io.ledgerbridge.xero.entity.XeroTaxRate;
import io.ledgerbridge.xero.entity.XeroTrackingCategory;
import io.ledgerbridge.xero.entity.XeroTrackingOption;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The "Xero organisation" page: the connected organisation's settings, chart of accounts, tax
 * rates, tracking categories and currencies as last downloaded, and (for accountants) a refresh.
 */
@Named
@ViewScoped
public class OrganisationPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A tracking category with its options, for the page. */
  public record Category(XeroTrackingCategory category, List<XeroTrackingOption> options) {}

  @Inject private transient XeroConnections connections;
  @Inject private transient ReferenceData data;
  @Inject private transient ReferenceRefresher refresher;

  private String tenantId;
  private String connectionProblem;
  private XeroOrganisation organisation;
  private List<XeroAccount> accounts = List.of();
  private List<XeroTaxRate> taxRates = List.of();
  private List<Category> categories = List.of();
  private List<XeroCurrency> currencies = List.of();

  @PostConstruct
  void load() {
    Optional<ConnectionView> view = connections.current();
    if (view.isEmpty() || view.get().tenantId() == null) {
      connectionProblem = XeroConnections.NOT_CONNECTED_MESSAGE;
      return;
    }
    if (view.get().needsReconnect()) {
      connectionProblem = XeroConnections.NEEDS_RECONNECT_MESSAGE;
    }
    tenantId = view.get().tenantId();
    organisation = data.organisation(tenantId).orElse(null);
    accounts = data.accounts(tenantId);
    taxRates = data.taxRates(tenantId);
    List<XeroTrackingOption> options = data.trackingOptions(tenantId);
    categories =
        data.trackingCategories(tenantId).stream()
            .map(
                c ->
                    new Category(
                        c,
                        options.stream()
                            .filter(o -> o.getCategoryId().equals(c.getCategoryId()))
                            .toList()))
            .toList();
    currencies = data.currencies(tenantId);
  }

  /** Downloads everything again from Xero. */
  public void refresh() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      var snapshot = refresher.refresh(faces.getExternalContext().getRemoteUser());
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              "Downloaded from Xero: "
                  + snapshot.accounts().size()
                  + " accounts, "
                  + snapshot.taxRates().size()
                  + " tax rates, "
                  + snapshot.trackingCategories().size()
                  + " tracking categories, "
                  + snapshot.currencies().size()
                  + " currencies.",
              null));
    } catch (BusinessException e) {
      error(faces, e);
    } catch (EJBException e) {
      if (e.getCause() instanceof BusinessException business) {
        error(faces, business);
      } else {
        throw e;
      }
    }
    load();
  }

  private static void error(FacesContext faces, BusinessException e) {
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    faces.validationFailed();
  }

  public boolean isConnected() {
    return tenantId != null;
  }

  public String getConnectionProblem() {
    return connectionProblem;
  }

  public XeroOrganisation getOrganisation() {
    return organisation;
  }

  public List<XeroAccount> getAccounts() {
    return accounts;
  }

  public List<XeroTaxRate> getTaxRates() {
    return taxRates;
  }

  public List<Category> getCategories() {
    return categories;
  }

  public List<XeroCurrency> getCurrencies() {
    return currencies;
  }
}
