package io.ledgerbridge.intake.boundary;

import io.ledgerbridge.intake.control.Importability;
import io.ledgerbridge.intake.control.IncomingTransaction;
import io.ledgerbridge.intake.control.TransactionJsonReader;
import io.ledgerbridge.intake.control.TransactionValidator;
import io.ledgerbridge.intake.entity.ImportState;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.intake.entity.Line;
import io.ledgerbridge.intake.entity.SourceTransaction;
import io.ledgerbridge.intake.entity.StockMovement;
import io.ledgerbridge.intake.entity.TransactionContent;
import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.DateRules;
import io.ledgerbridge.platform.JsonFactory;
import io.ledgerbridge.platform.TextRules;
import io.ledgerbridge.platform.config.LedgerBridgeConfig;
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
import jakarta.ws.rs.PathParam;
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

/**
 * The intake API, the contract with the inventory system (docs/api.md, "Intake API"; OpenAPI at
 * {@code /api/v1/openapi.yaml}): POST transactions with an integration token; list and read them as
 * staff.
 */
@Path("v1/transactions")
@RequestScoped
public class TransactionsResource {

  @Inject private Importability.ContextSource readiness;
  @Inject private IntakeService intake;
  @Inject private JsonIntake requests;
  @Inject private TransactionQueries queries;
  @Inject private LedgerBridgeConfig config;
  @Context private SecurityContext security;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.INTEGRATION_NAME)
  public Response receive(
      @HeaderParam("Content-Length") Long contentLength,
      @HeaderParam("Content-Type") String contentType,
      InputStream body) {
    return requests.receive(contentLength, contentType, body, "transactions", this::receive);
  }

  /** Validates and stores one request's transactions, once it is its turn. */
  private Response receive(JsonArray array) {
    List<IncomingTransaction> items = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      items.add(
          TransactionValidator.validate(
              TransactionJsonReader.read(array.getJsonObject(i), i, config.intakeMaxLines())));
    }
    List<ItemResult> results = intake.receive(items, security.getUserPrincipal().getName());
    JsonArrayBuilder out = JsonFactory.createArrayBuilder();
    results.forEach(r -> out.add(r.json()));
    return Response.ok(JsonFactory.createObjectBuilder().add("results", out).build().toString())
        .build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.VIEWER_NAME)
  public Response list(
      @QueryParam("kind") String kind,
      @QueryParam("state") String state,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("branch") String branch,
      @QueryParam("contact") String contact,
      @QueryParam("q") String q,
      @QueryParam("sort") String sort,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    TransactionFilter filter =
        new TransactionFilter(
            kind == null || kind.isBlank() ? null : kind(kind),
            state == null || state.isBlank() ? null : state(state),
            date("from", from),
            date("to", to),
            branch,
            contact,
            q);
    Page<TransactionSummary> result =
        queries.search(filter, number("page", page, 1), number("size", size, 50), sort(sort));
    JsonArrayBuilder items = JsonFactory.createArrayBuilder();
    Importability.Context context =
        readiness.contextFor(result.items().stream().map(TransactionSummary::facts).toList());
    for (TransactionSummary row : result.items()) {
      JsonObjectBuilder item =
          JsonFactory.createObjectBuilder()
              .add("kind", row.kind().name())
              .add("sourceId", row.sourceId())
              .add("version", row.version());
      add(item, "number", row.number());
      add(item, "reference", row.reference());
      JsonObjectBuilder contactJson = JsonFactory.createObjectBuilder();
      add(contactJson, "code", row.contactCode());
      add(contactJson, "name", row.contactName());
      item.add("contact", contactJson).add("date", row.date().toString());
      add(item, "branch", row.branch());
      add(item, "channel", row.channel());
      item.add("currency", row.currency());
      add(item, "total", row.total());
      item.add("state", row.state().name())
          .add("voided", row.voided())
          .add("notImportableReasons", reasonsJson(Importability.reasons(row.facts(), context)));
      items.add(item);
    }
    return Response.ok(
            JsonFactory.createObjectBuilder()
                .add("page", result.page())
                .add("size", result.size())
                .add("total", result.total())
                .add("pageCount", result.pageCount())
                .add("items", items)
                .build()
                .toString())
        .build();
  }

  @GET
  @Path("{kind}/{sourceId}")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.VIEWER_NAME)
  public Response get(@PathParam("kind") String kind, @PathParam("sourceId") String sourceId) {
    SourceTransaction t =
        queries
            .find(kind(kind), sourceId)
            .orElseThrow(
                () ->
                    new BusinessException.NotFound(
                        "No " + kind + " transaction with source id " + sourceId + "."));
    return Response.ok(detailJson(t).build().toString()).build();
  }

  JsonObjectBuilder detailJson(SourceTransaction t) {
    TransactionContent c = t.content();
    JsonObjectBuilder json =
        JsonFactory.createObjectBuilder()
            .add("kind", t.getKind().name())
            .add("sourceId", t.getSourceId())
            .add("version", t.getSourceVersion());
    add(json, "number", c.number());
    add(json, "reference", c.reference());
    if (c.contact() != null) {
      JsonObjectBuilder contact = JsonFactory.createObjectBuilder();
      add(contact, "code", c.contact().code());
      add(contact, "name", c.contact().name());
      add(contact, "email", c.contact().email());
      add(contact, "phone", c.contact().phone());
      add(contact, "taxNumber", c.contact().taxNumber());
      var a = c.contact().address();
      if (a != null && !a.isEmpty()) {
        JsonObjectBuilder address = JsonFactory.createObjectBuilder();
        add(address, "line1", a.line1());
        add(address, "line2", a.line2());
        add(address, "city", a.city());
        add(address, "region", a.region());
        add(address, "postalCode", a.postalCode());
        add(address, "country", a.country());
        contact.add("address", address);
      }
      json.add("contact", contact);
    }
    json.add("date", c.date().toString());
    add(json, "dueDate", c.dueDate() == null ? null : c.dueDate().toString());
    add(json, "dispatchDate", c.dispatchDate() == null ? null : c.dispatchDate().toString());
    json.add("currency", c.currency());
    add(json, "currencyRate", c.currencyRate());
    add(json, "branch", c.branch());
    add(json, "channel", c.channel());
    add(json, "paymentMethod", c.paymentMethod());
    json.add("pricesIncludeTax", c.pricesIncludeTax());
    JsonArrayBuilder lines = JsonFactory.createArrayBuilder();
    for (Line line : c.lines()) {
      JsonObjectBuilder l = JsonFactory.createObjectBuilder();
      add(l, "sku", line.sku());
      add(l, "description", line.description());
      add(l, "quantity", line.quantity());
      add(l, "unitPrice", line.unitPrice());
      add(l, "discountPercent", line.discountPercent());
      add(l, "taxCode", line.taxCode());
      add(l, "accountCode", line.accountCode());
      add(l, "unitCost", line.unitCost());
      add(l, "costAmount", line.costAmount());
      if (line.restock() != null) {
        l.add("restock", line.restock());
      }
      lines.add(l);
    }
    json.add("lines", lines);
    add(json, "total", c.total());
    StockMovement m = c.movement();
    add(json, "adjustmentType", m.type() == null ? null : m.type().name());
    add(json, "reason", m.reason());
    add(json, "location", m.location());
    add(json, "fromLocation", m.fromLocation());
    add(json, "toLocation", m.toLocation());
    json.add("voided", c.voided())
        .add("state", t.getState().name())
        .add("receivedAt", t.getReceivedAt().toString())
        .add("updatedAt", t.getUpdatedAt().toString())
        .add(
            "notImportableReasons",
            reasonsJson(
                Importability.reasons(
                    Importability.Facts.of(t),
                    readiness.contextFor(List.of(Importability.Facts.of(t))))));
    return json;
  }

  private static JsonArrayBuilder reasonsJson(List<Importability.Reason> reasons) {
    JsonArrayBuilder array = JsonFactory.createArrayBuilder();
    reasons.forEach(
        r ->
            array.add(
                JsonFactory.createObjectBuilder()
                    .add("code", r.code())
                    .add("message", r.message())));
    return array;
  }

  static void add(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }

  /** Decimals go out as JSON numbers with their trailing zeros dropped: 12.5000 is 12.5. */
  static void add(JsonObjectBuilder json, String name, BigDecimal value) {
    if (value != null) {
      BigDecimal plain = value.stripTrailingZeros();
      json.add(name, plain.scale() < 0 ? plain.setScale(0) : plain);
    }
  }

  private static Kind kind(String text) {
    return Kind.parse(text)
        .orElseThrow(
            () ->
                new BusinessException(
                    "Unknown kind '"
                        + text
                        + "': use SALE, PURCHASE, CUSTOMER_CREDIT, SUPPLIER_CREDIT or STOCK_ADJUSTMENT."));
  }

  private static ImportState state(String text) {
    try {
      return ImportState.valueOf(TextRules.token(text).orElse("?"));
    } catch (IllegalArgumentException e) {
      throw new BusinessException("Unknown state '" + text + "'.");
    }
  }

  private static LocalDate date(String name, String text) {
    return DateRules.parse(name, text);
  }

  private static int number(String name, String text, int defaultValue) {
    if (text == null || text.isBlank()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new BusinessException(name + " must be a whole number.");
    }
  }

  private static Sort sort(String text) {
    return Sort.parse(text)
        .orElseThrow(
            () ->
                new BusinessException(
                    "Unknown sort '"
                        + text
                        + "': use date, number, contact, total, state, branch or updated, with - for descending."));
  }
}
