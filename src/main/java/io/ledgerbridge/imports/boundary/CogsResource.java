package io.ledgerbridge.imports.boundary;

import io.ledgerbridge.imports.boundary.CogsService.JournalView;
import io.ledgerbridge.imports.boundary.CogsService.Month;
import io.ledgerbridge.imports.control.CogsCalculator.Posting;
import io.ledgerbridge.imports.control.CogsRange;
import io.ledgerbridge.imports.entity.ImportRun;
import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.JsonFactory;
import io.ledgerbridge.platform.security.Role;
import io.ledgerbridge.xero.boundary.RequestBase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
 * Monthly COGS journals (issue 12 §5): {@code GET /api/v1/inventory/cogs?from=YYYY-MM&to=YYYY-MM} →
 * the months with their computed cost, what Xero holds, the journal a run would send and what
 * blocks it; {@code POST /api/v1/inventory/cogs/import} with {@code
 * {"from":"2026-10","to":"2026-11","bookLockedOnFirstOpenDay":false}} → 202 and the import run (the
 * {@code /api/v1/import-runs/{id}} shape, {@code "kind":"COGS"}). Reading needs {@code viewer};
 * importing, {@code accountant}.
 */
@Path("v1/inventory/cogs")
public class CogsResource {

  @Inject private CogsService cogs;
  @Context private SecurityContext security;
  @Context private HttpServletRequest request;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.VIEWER_NAME)
  public String months(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("bookLockedOnFirstOpenDay") String bookLocked) {
    CogsRange range = CogsRange.of(from, to, YearMonth.now());
    YearMonth first = range.from();
    YearMonth last = range.to();
    boolean locked = "true".equalsIgnoreCase(bookLocked);
    JsonArrayBuilder months = JsonFactory.createArrayBuilder();
    for (Month m : cogs.months(first, last, locked, RequestBase.of(request).browser())) {
      months.add(month(m));
    }
    return JsonFactory.createObjectBuilder()
        .add("from", first.toString())
        .add("to", last.toString())
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
    YearMonth from = CogsRange.month("from", text(json, "from"));
    String toText = text(json, "to");
    YearMonth to = toText == null ? from : CogsRange.month("to", toText);
    JsonValue locked = json.get("bookLockedOnFirstOpenDay");
    if (locked != null
        && locked.getValueType() != JsonValue.ValueType.TRUE
        && locked.getValueType() != JsonValue.ValueType.FALSE
        && locked.getValueType() != JsonValue.ValueType.NULL) {
      throw new BusinessException("bookLockedOnFirstOpenDay must be true or false.");
    }
    ImportRun run =
        cogs.importMonths(
                from,
                to,
                locked == JsonValue.TRUE,
                security.getUserPrincipal().getName(),
                RequestBase.of(request).browser())
            .run();
    return Response.accepted(ImportJson.run(run).build().toString())
        .location(URI.create("v1/import-runs/" + run.getId()))
        .build();
  }

  static JsonObjectBuilder month(Month m) {
    JsonArrayBuilder journals = JsonFactory.createArrayBuilder();
    for (JournalView j : m.journals()) {
      journals.add(
          JsonFactory.createObjectBuilder()
              .add("sourceId", j.sourceId())
              .add("number", j.number())
              .add("manualJournalId", j.xeroId())
              .add("status", j.status() == null ? "" : j.status())
              .add("cogs", j.cogs()));
    }
    JsonArrayBuilder lines = JsonFactory.createArrayBuilder();
    for (Posting p : m.send()) {
      JsonObjectBuilder line =
          JsonFactory.createObjectBuilder()
              .add("accountCode", p.account())
              .add("lineAmount", p.amount());
      if (p.location() != null) {
        line.add("location", p.location());
      }
      lines.add(line);
    }
    JsonObjectBuilder next =
        JsonFactory.createObjectBuilder().add("action", m.action()).add("lines", lines);
    if (m.sourceId() != null) {
      next.add("sourceId", m.sourceId());
    }
    if (m.date() != null) {
      next.add("date", m.date().toString());
    }
    if (m.narration() != null) {
      next.add("narration", m.narration());
    }
    return JsonFactory.createObjectBuilder()
        .add("month", m.month().toString())
        .add("state", m.state().name())
        .add("cost", m.cost())
        .add("inXero", m.inXero())
        .add("posted", m.posted())
        .add("difference", m.difference())
        .add("sales", m.sales())
        .add("returns", m.returns())
        .add("linesWithoutCost", m.uncosted())
        .add("journals", journals)
        .add("next", next)
        .add("blocking", ImportJson.problems(m.blocking()))
        .add("warnings", ImportJson.problems(m.warnings()));
  }

  static String text(JsonObject json, String name) {
    JsonValue v = json.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.STRING) {
      throw new BusinessException(name + " must be a string, as YYYY-MM.");
    }
    return ((JsonString) v).getString();
  }
}
