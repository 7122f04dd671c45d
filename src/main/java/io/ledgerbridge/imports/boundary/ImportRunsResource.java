package io.ledgerbridge.imports.boundary;

import io.ledgerbridge.imports.entity.ImportItem;
import io.ledgerbridge.imports.entity.ImportRun;
import io.ledgerbridge.imports.entity.Outcome;
import io.ledgerbridge.intake.boundary.TransactionFilter;
import io.ledgerbridge.intake.entity.ImportState;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.DateRules;
import io.ledgerbridge.platform.JsonFactory;
import io.ledgerbridge.platform.TextRules;
import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import io.ledgerbridge.platform.security.Role;
import io.ledgerbridge.xero.boundary.RequestBase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Import runs: {@code POST /api/v1/import-runs} with {@code {"kind":"SALE","sourceIds":[…]}} or
 * {@code {"kind":"SALE","filter":{"state":…,"from":…,"to":…,"branch":…,"contact":…,"q":…}}} → 202
 * and the run; {@code GET /api/v1/import-runs/{id}} → its status, counts and per-document outcomes;
 * {@code GET /api/v1/import-runs} → the latest runs. Starting needs {@code accountant}; reading,
 * {@code viewer}.
 */
@Path("v1/import-runs")
public class ImportRunsResource {

  @Inject private ImportService imports;
  @Inject private ImportLedger ledger;
  @Inject private LedgerBridgeConfig config;
  @Context private SecurityContext security;
  @Context private HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.ACCOUNTANT_NAME)
  public Response start(String body) {
    JsonObject json = ImportJson.parse(body);
    Kind kind = kind(json.get("kind"));
    if (kind == Kind.COGS || kind == Kind.CLOSING_STOCK) {
      throw new BusinessException(
          kind.plural()
              + " are imported by month: POST /api/v1/inventory/"
              + (kind == Kind.COGS ? "cogs" : "closing-stock")
              + "/import with {\"from\":\"YYYY-MM\",\"to\":\"YYYY-MM\"}.");
    }
    String actor = security.getUserPrincipal().getName();
    String base = RequestBase.of(request).browser();
    ImportService.Started started;
    JsonValue ids = json.get("sourceIds");
    JsonValue filter = json.get("filter");
    if (ids != null && filter != null) {
      throw new BusinessException("Give either sourceIds or filter, not both.");
    }
    if (ids != null) {
      if (ids.getValueType() != JsonValue.ValueType.ARRAY) {
        throw new BusinessException("sourceIds must be an array of source ids.");
      }
      List<String> sourceIds = new ArrayList<>();
      for (JsonValue v : ids.asJsonArray()) {
        if (v.getValueType() != JsonValue.ValueType.STRING
            || ((JsonString) v).getString().isBlank()) {
          throw new BusinessException("sourceIds must hold non-empty strings.");
        }
        sourceIds.add(((JsonString) v).getString());
      }
      started = imports.importSourceIds(kind, sourceIds, actor, base);
    } else if (filter != null) {
      if (filter.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new BusinessException("filter must be an object.");
      }
      started = imports.importMatching(filter(kind, filter.asJsonObject()), actor, base);
    } else {
      throw new BusinessException("Give sourceIds (an array) or filter (an object).");
    }
    JsonArrayBuilder unknown = JsonFactory.createArrayBuilder();
    started.unknownSourceIds().forEach(unknown::add);
    ImportRun run = started.run();
    return Response.accepted(
            ImportJson.run(run).add("unknownSourceIds", unknown).build().toString())
        .location(URI.create("v1/import-runs/" + run.getId()))
        .build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.VIEWER_NAME)
  public String list(@QueryParam("page") String page) {
    int p = Math.max(1, parse(page, 1));
    JsonArrayBuilder runs = JsonFactory.createArrayBuilder();
    ledger.runs((p - 1) * 50, 50).forEach(r -> runs.add(ImportJson.run(r)));
    return JsonFactory.createObjectBuilder()
        .add("page", p)
        .add("total", ledger.runCount())
        .add("runs", runs)
        .build()
        .toString();
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.VIEWER_NAME)
  public String get(
      @PathParam("id") String id,
      @QueryParam("outcome") String outcome,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    long runId;
    try {
      runId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new BusinessException.NotFound("No import run " + id + ".");
    }
    ImportRun run =
        ledger
            .run(runId)
            .orElseThrow(() -> new BusinessException.NotFound("No import run " + id + "."));
    Outcome only = null;
    if (outcome != null && !outcome.isBlank()) {
      try {
        only = Outcome.valueOf(TextRules.token(outcome).orElse("?"));
      } catch (IllegalArgumentException e) {
        throw new BusinessException("outcome must be IMPORTED, UPDATED, FAILED or SKIPPED.");
      }
    }
    int first = Math.max(0, parse(offset, 0));
    int max = Math.max(1, Math.min(10_000, parse(limit, 1000)));
    JsonArrayBuilder items = JsonFactory.createArrayBuilder();
    for (ImportItem item : ledger.items(runId, only, first, max)) {
      items.add(ImportJson.item(item));
    }
    return ImportJson.run(run).add("documents", items).build().toString();
  }

  /**
   * Demo mode only, for tests of crash recovery: the next {@code crashAfterSend} import runs end
   * right after Xero answered their first batch, before the answer is recorded, as if the node died
   * (their documents stay in flight, the run RUNNING with its heartbeat stopped).
   */
  @POST
  @Path("faults")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.ADMIN_NAME)
  public Response faults(String body) {
    if (!config.demoMode()) {
      throw new BusinessException.NotFound("Not found.");
    }
    JsonObject json = ImportJson.parse(body);
    ImportRunner.CRASH_AFTER_SEND.set(Math.max(0, json.getInt("crashAfterSend", 0)));
    return Response.noContent().build();
  }

  private static TransactionFilter filter(Kind kind, JsonObject f) {
    ImportState state = null;
    String stateText = text(f, "state");
    if (stateText != null) {
      try {
        state = ImportState.valueOf(TextRules.token(stateText).orElse("?"));
      } catch (IllegalArgumentException e) {
        throw new BusinessException("Unknown state '" + stateText + "'.");
      }
    }
    return new TransactionFilter(
        kind,
        state,
        date(f, "from"),
        date(f, "to"),
        text(f, "branch"),
        text(f, "contact"),
        text(f, "q"));
  }

  private static String text(JsonObject json, String name) {
    JsonValue v = json.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.STRING) {
      throw new BusinessException("filter." + name + " must be a string.");
    }
    String s = ((JsonString) v).getString();
    return s.isBlank() ? null : s;
  }

  private static LocalDate date(JsonObject json, String name) {
    return DateRules.parse("filter." + name, text(json, name));
  }

  static Kind kind(JsonValue value) {
    if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
      throw new BusinessException(
          "kind is required: SALE, PURCHASE, CUSTOMER_CREDIT, SUPPLIER_CREDIT or STOCK_ADJUSTMENT.");
    }
    return kind(((JsonString) value).getString());
  }

  /** A kind as written in a URL or a body: {@code sale}, {@code customer-credit}, {@code SALE}… */
  static Kind kind(String text) {
    return Kind.parse(text)
        .orElseThrow(
            () ->
                new BusinessException(
                    "Unknown kind '"
                        + text
                        + "': use SALE, PURCHASE, CUSTOMER_CREDIT, SUPPLIER_CREDIT or"
                        + " STOCK_ADJUSTMENT."));
  }

  private static int parse(String text, int defaultValue) {
    if (text == null || text.isBlank()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new BusinessException("'" + text + "' is not a whole number.");
    }
  }
}
