package io.ledgerbridge.sandbox.boundary;

import io.ledgerbridge.platform.JsonFactory;
import io.ledgerbridge.platform.rest.Problem;
import io.ledgerbridge.platform.security.Role;
import io.ledgerbridge.sandbox.control.OrgFaults;
import io.ledgerbridge.sandbox.control.SandboxSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The sandbox console as a small REST API for admins, for tests and scripts (docs/xero-sandbox.md,
 * "Sandbox console"). Every URL is 404 while the sandbox is off.
 */
@Path("v1/sandbox")
@RequestScoped
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class SandboxConsoleResource {

  @Inject private SandboxConsole console;
  @Inject private JournalsApi journals;
  @Inject private SandboxIdentity identity;

  @GET
  @Path("organisations")
  public Response organisations() {
    return run(
        () -> {
          JsonArrayBuilder list = JsonFactory.createArrayBuilder();
          for (SandboxStore.Doc org : console.organisations()) {
            list.add(organisationJson(org));
          }
          return JsonFactory.createObjectBuilder().add("organisations", list).build();
        });
  }

  private JsonObject organisationJson(SandboxStore.Doc org) {
    var json =
        JsonFactory.createObjectBuilder().add("organisationId", org.id()).add("name", org.key());
    addDate(json, "periodLockDate", SandboxConsole.lockDate(org.json(), "PeriodLockDate"));
    addDate(json, "endOfYearLockDate", SandboxConsole.lockDate(org.json(), "EndOfYearLockDate"));
    return json.add("faults", console.faults(org.id()).toJson()).build();
  }

  private static void addDate(jakarta.json.JsonObjectBuilder json, String name, LocalDate date) {
    if (date == null) {
      json.addNull(name);
    } else {
      json.add(name, date.toString());
    }
  }

  @GET
  @Path("organisations/{org}")
  public Response organisation(@PathParam("org") String orgId) {
    return run(() -> organisationJson(console.organisation(orgId)));
  }

  @GET
  @Path("organisations/{org}/{collection}")
  public Response documents(
      @PathParam("org") String orgId, @PathParam("collection") String collection) {
    return run(
        () -> {
          JsonArrayBuilder list = JsonFactory.createArrayBuilder();
          for (SandboxStore.Doc doc : console.documents(orgId, collection)) {
            list.add(
                JsonFactory.createObjectBuilder()
                    .add("id", doc.id())
                    .add(
                        "key",
                        doc.key() == null ? JsonValue.NULL : JsonFactory.createValue(doc.key()))
                    .add(
                        "status",
                        doc.status() == null
                            ? JsonValue.NULL
                            : JsonFactory.createValue(doc.status()))
                    .add("updatedAt", doc.updatedAt().toString())
                    .add("document", doc.json()));
          }
          return JsonFactory.createObjectBuilder().add("items", list).build();
        });
  }

  @PUT
  @Path("organisations/{org}/{collection}/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response putDocument(
      @PathParam("org") String orgId,
      @PathParam("collection") String collection,
      @PathParam("id") String id,
      String body) {
    return run(() -> console.putDocument(orgId, collection, id, jsonBody(body)));
  }

  @POST
  @Path("organisations/{org}/{collection}/{id}/{action}")
  @Consumes(MediaType.WILDCARD)
  public Response act(
      @PathParam("org") String orgId,
      @PathParam("collection") String collection,
      @PathParam("id") String id,
      @PathParam("action") String action,
      @QueryParam("into") String into,
      String body) {
    return run(
        () -> {
          if (SandboxConsole.collection(collection).equals("Contacts")) {
            if (action.equals("archive")) {
              return console.archiveContact(orgId, id);
            }
            if (action.equals("merge")) {
              String target = into != null ? into : jsonBody(body).getString("into", null);
              if (target == null) {
                throw new SandboxConsole.ConsoleException(
                    400, "Say which contact to merge into: ?into=<ContactID> or {\"into\":…}.");
              }
              int moved = console.mergeContact(orgId, id, target);
              return JsonFactory.createObjectBuilder()
                  .add("merged", id)
                  .add("into", target)
                  .add("documentsMoved", moved)
                  .build();
            }
            throw new SandboxConsole.ConsoleException(
                404, "Contacts can be archived or merged, not " + action + ".");
          }
          return console.act(orgId, collection, id, action);
        });
  }

  @PUT
  @Path("organisations/{org}/lock-dates")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response lockDates(@PathParam("org") String orgId, String body) {
    return run(
        () -> {
          JsonObject json = jsonBody(body);
          console.setLockDates(
              orgId, date(json, "periodLockDate"), date(json, "endOfYearLockDate"));
          return organisationJson(console.organisation(orgId));
        });
  }

  @GET
  @Path("organisations/{org}/faults")
  public Response faults(@PathParam("org") String orgId) {
    return run(
        () -> {
          console.organisation(orgId);
          return console.faults(orgId).toJson();
        });
  }

  @PUT
  @Path("organisations/{org}/faults")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response setFaults(@PathParam("org") String orgId, String body) {
    return run(
        () ->
            console
                .setFaults(orgId, OrgFaults.fromJson(jsonBody(body), console.faults(orgId)))
                .toJson());
  }

  @GET
  @Path("organisations/{org}/reports/trial-balance")
  public Response trialBalance(@PathParam("org") String orgId, @QueryParam("date") String date) {
    return run(
        () -> {
          console.organisation(orgId);
          LocalDate at;
          try {
            at = date == null ? LocalDate.now() : LocalDate.parse(date);
          } catch (DateTimeParseException e) {
            throw new SandboxConsole.ConsoleException(400, "date must be YYYY-MM-DD");
          }
          return journals.trialBalance(orgId, at);
        });
  }

  @GET
  @Path("organisations/{org}/reports/balance-sheet")
  public Response balanceSheet(@PathParam("org") String orgId, @QueryParam("date") String date) {
    return run(
        () -> {
          console.organisation(orgId);
          LocalDate at;
          try {
            at = date == null ? LocalDate.now() : LocalDate.parse(date);
          } catch (DateTimeParseException e) {
            throw new SandboxConsole.ConsoleException(400, "date must be YYYY-MM-DD");
          }
          return journals.balanceSheet(orgId, at, List.of());
        });
  }

  /**
   * The identity server's tokens, for tests of token handling: {@code expire-access} (every live
   * access token expires now), {@code end-refresh-grace} (used refresh tokens are past their grace
   * period), {@code revoke-refresh} (every refresh token is revoked; connections stay).
   */
  @POST
  @Path("tokens/{action}")
  @Consumes(MediaType.WILDCARD)
  public Response tokens(@PathParam("action") String action) {
    return run(
        () -> {
          int count =
              switch (action) {
                case "expire-access" -> identity.expireAccessTokens();
                case "end-refresh-grace" -> identity.endRefreshGrace(SandboxSettings.fromConfig());
                case "revoke-refresh" -> identity.revokeRefreshTokens();
                default ->
                    throw new SandboxConsole.ConsoleException(
                        404,
                        "Token actions: expire-access, end-refresh-grace, revoke-refresh; not "
                            + action
                            + ".");
              };
          return JsonFactory.createObjectBuilder()
              .add("action", action)
              .add("tokens", count)
              .build();
        });
  }

  /** The connections users made at the consent page (which app, which user, which organisation). */
  @GET
  @Path("connections")
  public Response connections() {
    return run(
        () -> {
          JsonArrayBuilder list = JsonFactory.createArrayBuilder();
          for (var c : identity.allConnections()) {
            list.add(
                JsonFactory.createObjectBuilder()
                    .add("id", c.getId())
                    .add("clientId", c.getClientId())
                    .add("subject", c.getSubject())
                    .add("tenantId", c.getTenantId())
                    .add("createdAt", c.getCreatedAt().toString())
                    .add("updatedAt", c.getUpdatedAt().toString()));
          }
          return JsonFactory.createObjectBuilder().add("connections", list).build();
        });
  }

  @POST
  @Path("reset")
  @Consumes(MediaType.WILDCARD)
  public Response reset() {
    return run(
        () -> {
          console.reset();
          return JsonFactory.createObjectBuilder().add("reset", true).build();
        });
  }

  private static LocalDate date(JsonObject json, String name) {
    if (!json.containsKey(name) || json.isNull(name) || json.getString(name, "").isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(json.getString(name));
    } catch (RuntimeException e) {
      throw new SandboxConsole.ConsoleException(400, name + " must be YYYY-MM-DD or null");
    }
  }

  private static JsonObject jsonBody(String body) {
    if (body == null || body.isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (var reader = JsonFactory.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      throw new SandboxConsole.ConsoleException(400, "The body must be a JSON object.");
    }
  }

  private static Response run(Supplier<JsonObject> action) {
    if (!SandboxSettings.fromConfig().enabled()) {
      return Problem.response(404, "Not Found", "The sandbox is off.");
    }
    try {
      return Response.ok(action.get().toString(), MediaType.APPLICATION_JSON).build();
    } catch (RuntimeException e) {
      SandboxConsole.ConsoleException refused = SandboxConsole.cause(e).orElseThrow(() -> e);
      String title =
          switch (refused.status()) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            default -> "Conflict";
          };
      return Problem.response(refused.status(), title, refused.getMessage());
    }
  }
}
