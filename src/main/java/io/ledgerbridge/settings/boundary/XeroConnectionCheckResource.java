package io.ledgerbridge.settings.boundary;

import io.ledgerbridge.platform.JsonFactory;
import io.ledgerbridge.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /api/v1/xero/connection-test} (admin): the "Test connection" page's checks. */
@Path("v1/xero/connection-test")
public class XeroConnectionCheckResource {

  @Inject private XeroConnectionCheck test;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.ADMIN_NAME)
  public String run() {
    XeroConnectionCheck.Result r = test.run();
    JsonArrayBuilder checks = JsonFactory.createArrayBuilder();
    r.checks()
        .forEach(
            c ->
                checks.add(
                    JsonFactory.createObjectBuilder()
                        .add("name", c.name())
                        .add("level", c.level().name())
                        .add("detail", c.detail())));
    JsonObjectBuilder out =
        JsonFactory.createObjectBuilder()
            .add("ok", r.ok())
            .add("testedAt", r.testedAt().toString())
            .add("tokenState", r.tokenState());
    add(out, "organisation", r.organisation());
    add(out, "tenantId", r.tenantId());
    add(out, "baseCurrency", r.baseCurrency());
    add(out, "countryCode", r.countryCode());
    add(out, "timezone", r.timezone());
    add(out, "periodLockDate", r.periodLockDate());
    add(out, "endOfYearLockDate", r.endOfYearLockDate());
    add(out, "accessExpiresAt", r.accessExpiresAt());
    if (r.callsLeftThisMinute() != null) {
      out.add("callsLeftThisMinute", r.callsLeftThisMinute());
    }
    if (r.callsLeftToday() != null) {
      out.add("callsLeftToday", r.callsLeftToday());
    }
    if (r.answeredInMs() != null) {
      out.add("answeredInMs", r.answeredInMs());
    }
    JsonObjectBuilder endpoints = JsonFactory.createObjectBuilder();
    r.callsByEndpoint().forEach(e -> endpoints.add(e.endpoint(), e.calls()));
    return out.add("checks", checks)
        .add("callsByEndpoint", endpoints)
        .add("rateLimited", r.rateLimited())
        .add("retries", r.retries())
        .build()
        .toString();
  }

  private static void add(JsonObjectBuilder json, String name, Object value) {
    if (value != null) {
      json.add(name, value.toString());
    }
  }
}
