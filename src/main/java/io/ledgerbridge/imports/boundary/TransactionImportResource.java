package io.ledgerbridge.imports.boundary;

import io.ledgerbridge.imports.entity.ImportRun;
import io.ledgerbridge.intake.entity.ImportState;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.JsonFactory;
import io.ledgerbridge.platform.security.Role;
import io.ledgerbridge.xero.boundary.RequestBase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;

/**
 * One transaction's import: {@code GET …/preview} (viewer) — the exact document that would be sent,
 * with every blocking reason and warning; {@code GET …/xero} (viewer) — its Xero document and
 * outcome history; {@code POST …/do-not-import} {@code {"doNotImport":true|false}}, {@code POST
 * …/fixed-by-hand}, {@code POST …/void-and-reimport} (accountant). Matched only for these last
 * segments, so {@code /api/v1/transactions/{kind}/{sourceId}} stays with intake.
 */
@Path(
    "v1/transactions/{kind}/{sourceId}/{action: preview|xero|do-not-import|fixed-by-hand|void-and-reimport}")
public class TransactionImportResource {

  @Inject private ImportService imports;
  @Context private SecurityContext security;
  @Context private HttpServletRequest request;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.VIEWER_NAME)
  public String read(
      @PathParam("kind") String kind,
      @PathParam("sourceId") String sourceId,
      @PathParam("action") String action) {
    Kind k = ImportRunsResource.kind(kind);
    return switch (action) {
      case "preview" ->
          ImportJson.preview(imports.preview(k, sourceId, RequestBase.of(request).browser()))
              .build()
              .toString();
      case "xero" -> xero(k, sourceId);
      default -> throw new BusinessException.NotFound("Use POST for " + action + ".");
    };
  }

  private String xero(Kind kind, String sourceId) {
    // What LedgerBridge holds: no preview (and so no Xero connection) needed.
    long id = imports.transactionId(kind, sourceId);
    JsonArrayBuilder history = JsonFactory.createArrayBuilder();
    imports.history(id).forEach(i -> history.add(ImportJson.item(i)));
    var out = JsonFactory.createObjectBuilder().add("kind", kind.name()).add("sourceId", sourceId);
    imports.document(id).ifPresent(d -> out.add("xero", ImportJson.document(d)));
    return out.add("history", history).build().toString();
  }

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.ACCOUNTANT_NAME)
  public Response act(
      @PathParam("kind") String kind,
      @PathParam("sourceId") String sourceId,
      @PathParam("action") String action,
      String body) {
    Kind k = ImportRunsResource.kind(kind);
    String actor = security.getUserPrincipal().getName();
    switch (action) {
      case "do-not-import" -> {
        JsonObject json = ImportJson.parse(body);
        JsonValue on = json.get("doNotImport");
        if (on == null
            || (on.getValueType() != JsonValue.ValueType.TRUE
                && on.getValueType() != JsonValue.ValueType.FALSE)) {
          throw new BusinessException("doNotImport must be true or false.");
        }
        ImportState state =
            imports.doNotImport(k, sourceId, on.getValueType() == JsonValue.ValueType.TRUE, actor);
        return Response.ok(
                JsonFactory.createObjectBuilder().add("state", state.name()).build().toString())
            .build();
      }
      case "fixed-by-hand" -> {
        imports.fixedByHand(k, sourceId, actor);
        return Response.noContent().build();
      }
      case "void-and-reimport" -> {
        ImportRun run =
            imports.voidAndReimport(k, sourceId, actor, RequestBase.of(request).browser());
        return Response.accepted(ImportJson.run(run).build().toString())
            .location(URI.create("v1/import-runs/" + run.getId()))
            .build();
      }
      default -> throw new BusinessException.NotFound("Use GET for " + action + ".");
    }
  }
}
