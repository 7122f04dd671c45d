package io.ledgerbridge.intake.boundary;

import io.ledgerbridge.intake.control.IncomingValuation;
import io.ledgerbridge.intake.control.StockValuationReader;
import io.ledgerbridge.intake.entity.StockValuation;
import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.DateRules;
import io.ledgerbridge.platform.JsonFactory;
import io.ledgerbridge.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stock valuations from the inventory system (docs/api.md, "Stock valuations"; OpenAPI at {@code
 * /api/v1/openapi.yaml}): POST them with an integration token, under the same limits and turn as
 * transactions; list them as staff.
 */
@Path("v1/stock-valuations")
@RequestScoped
public class StockValuationsResource {

  @Inject private JsonIntake requests;
  @Inject private StockValuationIntake intake;
  @Inject private StockValuations valuations;
  @Context private SecurityContext security;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.INTEGRATION_NAME)
  public Response receive(
      @HeaderParam("Content-Length") Long contentLength,
      @HeaderParam("Content-Type") String contentType,
      InputStream body) {
    return requests.receive(contentLength, contentType, body, "valuations", this::receive);
  }

  private Response receive(JsonArray array) {
    List<IncomingValuation> items = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      items.add(StockValuationReader.read(array.getJsonObject(i), i));
    }
    JsonArrayBuilder out = JsonFactory.createArrayBuilder();
    intake.receive(items, security.getUserPrincipal().getName()).forEach(r -> out.add(r.json()));
    return Response.ok(JsonFactory.createObjectBuilder().add("results", out).build().toString())
        .build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.VIEWER_NAME)
  public Response list(@QueryParam("from") String from, @QueryParam("to") String to) {
    LocalDate fromDate = DateRules.parse("from", from);
    LocalDate toDate = DateRules.parse("to", to);
    if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
      throw new BusinessException("from (" + fromDate + ") must not be after to (" + toDate + ").");
    }
    JsonArrayBuilder items = JsonFactory.createArrayBuilder();
    for (StockValuation v : valuations.stored(fromDate, toDate)) {
      items.add(json(v));
    }
    return Response.ok(JsonFactory.createObjectBuilder().add("items", items).build().toString())
        .build();
  }

  private static JsonObjectBuilder json(StockValuation v) {
    JsonObjectBuilder json =
        JsonFactory.createObjectBuilder()
            .add("sourceId", v.getSourceId())
            .add("version", v.getSourceVersion())
            .add("asAt", v.getAsAt().toString());
    TransactionsResource.add(json, "currency", v.getCurrency());
    TransactionsResource.add(json, "method", v.getMethod());
    TransactionsResource.add(json, "total", v.getTotal());
    TransactionsResource.add(json, "inTransit", v.getInTransit());
    TransactionsResource.add(json, "receivedNotBilled", v.getReceivedNotBilled());
    TransactionsResource.add(json, "billedNotReceived", v.getBilledNotReceived());
    JsonArrayBuilder locations = JsonFactory.createArrayBuilder();
    for (Map.Entry<String, BigDecimal> location : v.getLocations().entrySet()) {
      JsonObjectBuilder l = JsonFactory.createObjectBuilder().add("location", location.getKey());
      TransactionsResource.add(l, "value", location.getValue());
      locations.add(l);
    }
    return json.add("locations", locations)
        .add("receivedAt", v.getReceivedAt().toString())
        .add("receivedBy", v.getReceivedBy());
  }
}
