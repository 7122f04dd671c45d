package io.ledgerbridge.contacts.boundary;

import io.ledgerbridge.contacts.control.Candidate;
import io.ledgerbridge.contacts.control.Evidence;
import io.ledgerbridge.contacts.control.KnownContact;
import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.JsonFactory;
import io.ledgerbridge.platform.rest.Problem;
import io.ledgerbridge.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.StringReader;

/**
 * Contact matching over REST, for accountants and admins (docs/contacts.md, "Contact matching"):
 * the source contacts by link state, a contact's candidates with their evidence, link / create /
 * unlink, confirm all exact matches, refresh the cached Xero contacts, search them.
 */
@Path("v1/contacts")
@RequestScoped
@RolesAllowed(Role.ACCOUNTANT_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class ContactsResource {

  @Inject private ContactMatching matching;
  @Context private SecurityContext security;

  @GET
  public String list(@QueryParam("state") String state, @QueryParam("q") String text) {
    JsonArrayBuilder contacts = JsonFactory.createArrayBuilder();
    for (ContactMatching.Row row : matching.rows(ContactMatching.Filter.parse(state), text)) {
      JsonObjectBuilder json = source(row);
      row.exact().ifPresent(c -> json.add("exactMatch", candidate(c)));
      json.add("candidateCount", row.match().candidates().size());
      contacts.add(json);
    }
    return JsonFactory.createObjectBuilder().add("contacts", contacts).build().toString();
  }

  @GET
  @Path("{code}/candidates")
  public String candidates(@PathParam("code") String code) {
    ContactMatching.Row row = matching.row(code);
    JsonArrayBuilder candidates = JsonFactory.createArrayBuilder();
    row.match().candidates().forEach(c -> candidates.add(candidate(c)));
    JsonObjectBuilder json = source(row);
    json.add("ambiguous", row.match().ambiguous());
    row.exact().ifPresent(c -> json.add("exactMatch", c.contact().contactId()));
    return json.add("candidates", candidates).build().toString();
  }

  @PUT
  @Path("{code}/link")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response link(@PathParam("code") String code, String body) {
    JsonObject request = body(body);
    ContactLinkStatus status;
    try {
      if (request.getBoolean("create", false)) {
        status = matching.create(code, actor());
      } else {
        JsonValue id = request.get("xeroContactId");
        if (!(id instanceof jakarta.json.JsonString s)) {
          throw new BusinessException(
              "Send {\"xeroContactId\": \"…\"} to link a contact, or {\"create\": true}.");
        }
        status = matching.link(code, s.getString(), actor());
      }
    } catch (ContactProblem.NameTaken taken) {
      JsonObjectBuilder problem = Problem.body(409, "Conflict", taken.getMessage());
      if (taken.existing() != null) {
        problem.add("existingContact", contact(taken.existing()));
      }
      return Response.status(409)
          .type(Problem.MEDIA_TYPE)
          .entity(problem.build().toString())
          .build();
    }
    return Response.ok(link(status).build().toString()).build();
  }

  @DELETE
  @Path("{code}/link")
  public Response unlink(@PathParam("code") String code) {
    matching.unlink(code, actor());
    return Response.noContent().build();
  }

  @POST
  @Path("confirm-exact")
  public String confirmExact() {
    ContactMatching.Confirmed done = matching.confirmExactMatches(actor());
    JsonArrayBuilder codes = JsonFactory.createArrayBuilder();
    done.linkedCodes().forEach(codes::add);
    return JsonFactory.createObjectBuilder()
        .add("linked", done.linkedCodes().size())
        .add("left", done.left())
        .add("linkedCodes", codes)
        .build()
        .toString();
  }

  @POST
  @Path("refresh")
  public String refresh(@QueryParam("full") boolean full) {
    XeroContactCache.Refresh done = matching.refresh(actor(), full);
    return JsonFactory.createObjectBuilder()
        .add("read", done.read())
        .add("newlyStale", done.newlyStale())
        .add("refreshedAt", done.at().toString())
        .build()
        .toString();
  }

  @GET
  @Path("xero")
  public String search(@QueryParam("q") String term, @QueryParam("live") boolean live) {
    JsonArrayBuilder found = JsonFactory.createArrayBuilder();
    matching.search(term, live).forEach(c -> found.add(contact(c)));
    return JsonFactory.createObjectBuilder().add("contacts", found).build().toString();
  }

  private String actor() {
    return security.getUserPrincipal().getName();
  }

  private static JsonObject body(String body) {
    if (body == null || body.isBlank()) {
      throw new BusinessException("Send a JSON object.");
    }
    try (var reader = JsonFactory.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new BusinessException("The body is not a JSON object.");
    }
  }

  private static JsonObjectBuilder source(ContactMatching.Row row) {
    JsonObjectBuilder json =
        JsonFactory.createObjectBuilder()
            .add("code", row.source().code())
            .add("waiting", row.source().waiting());
    text(json, "name", row.source().name());
    text(json, "email", row.source().email());
    return json.addAll(link(row.link()));
  }

  private static JsonObjectBuilder link(ContactLinkStatus status) {
    JsonObjectBuilder json =
        JsonFactory.createObjectBuilder()
            .add("code", status.sourceCode())
            .add("state", status.state().name());
    text(json, "xeroContactId", status.xeroContactId());
    text(json, "xeroName", status.xeroName());
    text(json, "staleReason", status.reason());
    text(json, "linkedBy", status.linkedBy());
    if (status.linkedAt() != null) {
      json.add("linkedAt", status.linkedAt().toString());
    }
    return json;
  }

  private static JsonObjectBuilder candidate(Candidate c) {
    JsonArrayBuilder evidence = JsonFactory.createArrayBuilder();
    for (Evidence e : c.evidence()) {
      evidence.add(
          JsonFactory.createObjectBuilder()
              .add("rule", e.rule().name())
              .add("exact", e.rule().exact())
              .add("description", e.describe())
              .add("score", round(e.score())));
    }
    return contact(c.contact())
        .add("exact", c.exact())
        .add("linkable", c.linkable())
        .add("score", round(c.score()))
        .add("evidence", evidence);
  }

  private static JsonObjectBuilder contact(KnownContact k) {
    JsonObjectBuilder json =
        JsonFactory.createObjectBuilder()
            .add("xeroContactId", k.contactId())
            .add("status", k.status());
    text(json, "name", k.name());
    text(json, "contactNumber", k.contactNumber());
    text(json, "accountNumber", k.accountNumber());
    text(json, "email", k.email());
    text(json, "mergedToContactId", k.mergedToContactId());
    return json;
  }

  private static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }

  private static void text(JsonObjectBuilder json, String name, String value) {
    if (value != null && !value.isBlank()) {
      json.add(name, value);
    }
  }
}
