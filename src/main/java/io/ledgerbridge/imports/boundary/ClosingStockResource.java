package io.ledgerbridge.imports.boundary;

import io.ledgerbridge.imports.boundary.ClosingStockService.ClosingMonth;
import io.ledgerbridge.imports.control.CogsRange;
import io.ledgerbridge.imports.entity.ImportRun;
import io.ledgerbridge.platform.JsonFactory;
import io.ledgerbridge.platform.security.Role;
import io.ledgerbridge.xero.boundary.RequestBase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.YearMonth;

/**
 * Periodic closing-stock journals (issue 12 §3, §5): {@code GET
 * /api/v1/inventory/closing-stock?from=YYYY-MM&to=YYYY-MM} → per month end the valuation, Xero's
 * balance of the inventory account, the journal a run would send and what blocks it, in the COGS
 * months' shape ({@code cost} is the change in stock value); {@code POST
 * /api/v1/inventory/closing-stock/import} with {@code {"from":"2024-03","to":"2024-04"}} → 202 and
 * the import run ({@code "kind":"CLOSING_STOCK"}). Reading needs {@code viewer}; importing, {@code
 * accountant}.
 */
@Path("v1/inventory/closing-stock")
public class ClosingStockResource {

  @Inject private ClosingStockService closing;
  @Context private SecurityContext security;
  @Context private HttpServletRequest request;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.VIEWER_NAME)
  public String months(@QueryParam("from") String from, @QueryParam("to") String to) {
    CogsRange range = CogsRange.of(from, to, YearMonth.now());
    JsonArrayBuilder months = JsonFactory.createArrayBuilder();
    for (ClosingMonth m :
        closing.months(range.from(), range.to(), RequestBase.of(request).browser())) {
      JsonObjectBuilder month = CogsResource.month(m.month());
      month.add("monthEnd", m.month().month().atEndOfMonth().toString());
      if (m.valuation() != null) {
        month.add("valuation", m.valuation());
      }
      if (m.xeroBalance() != null) {
        month.add("xeroBalance", m.xeroBalance());
      }
      months.add(month);
    }
    return JsonFactory.createObjectBuilder()
        .add("from", range.from().toString())
        .add("to", range.to().toString())
        .add("months", months)
        .build()
        .toString();
  }

  @POST
  @Path("import")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.ACCOUNTANT_NAME)
  public Response start(String body) {
    JsonObject json = ImportJson.parse(body);
    YearMonth from = CogsRange.month("from", CogsResource.text(json, "from"));
    String toText = CogsResource.text(json, "to");
    YearMonth to = toText == null ? from : CogsRange.month("to", toText);
    ImportRun run =
        closing
            .importMonths(
                from, to, security.getUserPrincipal().getName(), RequestBase.of(request).browser())
            .run();
    return Response.accepted(ImportJson.run(run).build().toString())
        .location(URI.create("v1/import-runs/" + run.getId()))
        .build();
  }
}
