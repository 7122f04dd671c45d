package io.ledgerbridge.xero.boundary;

import io.ledgerbridge.platform.JsonFactory;
import io.ledgerbridge.platform.security.Role;
import io.ledgerbridge.xero.entity.XeroAccount;
import io.ledgerbridge.xero.entity.XeroCurrency;
import io.ledgerbridge.xero.entity.XeroOrganisation;
import io.ledgerbridge.xero.entity.XeroTaxRate;
import io.ledgerbridge.xero.entity.XeroTrackingCategory;
import io.ledgerbridge.xero.entity.XeroTrackingOption;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Optional;

/**
 * The connected organisation's reference data over REST: {@code GET} for anyone signed in, {@code
 * POST …/refresh} (accountant) to download it again from Xero. Answers 503 with a clear message
 * when Xero is not connected.
 */
@Path("v1/xero/reference")
public class XeroReferenceResource {

  @Inject private XeroConnections connections;
  @Inject private ReferenceData data;
  @Inject private ReferenceRefresher refresher;
  @Context private SecurityContext security;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.VIEWER_NAME)
  public String get() {
    return json(connections.requireTarget().tenantId()).toString();
  }

  @POST
  @Path("refresh")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.ACCOUNTANT_NAME)
  public String refresh() {
    String tenant = refresher.refresh(security.getUserPrincipal().getName()).tenantId();
    return json(tenant).toString();
  }

  private JsonObject json(String tenant) {
    JsonObjectBuilder out = JsonFactory.createObjectBuilder().add("tenantId", tenant);
    Optional<XeroOrganisation> org = data.organisation(tenant);
    if (org.isEmpty()) {
      return out.addNull("organisation")
          .add("downloaded", false)
          .add("accounts", JsonFactory.createArrayBuilder())
          .add("taxRates", JsonFactory.createArrayBuilder())
          .add("trackingCategories", JsonFactory.createArrayBuilder())
          .add("currencies", JsonFactory.createArrayBuilder())
          .build();
    }
    XeroOrganisation o = org.get();
    JsonObjectBuilder organisation =
        JsonFactory.createObjectBuilder()
            .add("name", o.getName())
            .add("baseCurrency", o.getBaseCurrency());
    text(organisation, "legalName", o.getLegalName());
    text(organisation, "countryCode", o.getCountryCode());
    text(organisation, "timezone", o.getTimezone());
    text(organisation, "shortCode", o.getShortCode());
    text(organisation, "periodLockDate", o.getPeriodLockDate());
    text(organisation, "endOfYearLockDate", o.getEndOfYearLockDate());
    out.add("organisation", organisation)
        .add("downloaded", true)
        .add("fetchedAt", o.getFetchedAt().toString());

    JsonArrayBuilder accounts = JsonFactory.createArrayBuilder();
    for (XeroAccount a : data.accounts(tenant)) {
      JsonObjectBuilder account =
          JsonFactory.createObjectBuilder()
              .add("accountId", a.getAccountId())
              .add("name", a.getName())
              .add("type", a.getType())
              .add("status", a.getStatus());
      text(account, "code", a.getCode());
      text(account, "class", a.getAccountClass());
      text(account, "taxType", a.getTaxType());
      text(account, "systemAccount", a.getSystemAccount());
      accounts.add(account);
    }
    JsonArrayBuilder rates = JsonFactory.createArrayBuilder();
    for (XeroTaxRate t : data.taxRates(tenant)) {
      rates.add(
          JsonFactory.createObjectBuilder()
              .add("taxType", t.getTaxType())
              .add("name", t.getName())
              .add("status", t.getStatus())
              .add("effectiveRate", t.getEffectiveRate())
              .add("canApplyToRevenue", t.isRevenue())
              .add("canApplyToExpenses", t.isExpenses()));
    }
    List<XeroTrackingOption> options = data.trackingOptions(tenant);
    JsonArrayBuilder categories = JsonFactory.createArrayBuilder();
    for (XeroTrackingCategory c : data.trackingCategories(tenant)) {
      JsonArrayBuilder opts = JsonFactory.createArrayBuilder();
      options.stream()
          .filter(op -> op.getCategoryId().equals(c.getCategoryId()))
          .forEach(
              op ->
                  opts.add(
                      JsonFactory.createObjectBuilder()
                          .add("optionId", op.getOptionId())
                          .add("name", op.getName())
                          .add("status", op.getStatus())));
      categories.add(
          JsonFactory.createObjectBuilder()
              .add("categoryId", c.getCategoryId())
              .add("name", c.getName())
              .add("status", c.getStatus())
              .add("options", opts));
    }
    JsonArrayBuilder currencies = JsonFactory.createArrayBuilder();
    for (XeroCurrency c : data.currencies(tenant)) {
      JsonObjectBuilder currency = JsonFactory.createObjectBuilder().add("code", c.getCode());
      text(currency, "description", c.getDescription());
      currencies.add(currency);
    }
    return out.add("accounts", accounts)
        .add("taxRates", rates)
        .add("trackingCategories", categories)
        .add("currencies", currencies)
        .build();
  }

  private static void text(JsonObjectBuilder json, String name, Object value) {
    if (value != null) {
      json.add(name, value.toString());
    }
  }
}
