package io.ledgerbridge.xero.boundary;

import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.JsonFactory;
import io.ledgerbridge.platform.security.Role;
import io.ledgerbridge.xero.control.XeroConnectionInfo;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.StringReader;
import java.time.Instant;
import java.util.Optional;

/**
 * The Xero connection for scripted set-ups (admins only; docs/xero.md, "Connecting to Xero"):
 * connect with the custom connection, report the connection, list and choose the organisation,
 * disconnect.
 */
@Path("v1/xero/connection")
@RequestScoped
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class XeroConnectionResource {

  @Inject private XeroConnectionService service;
  @Inject private XeroConnections connections;
  @Context private HttpServletRequest request;
  @Context private SecurityContext security;

  @GET
  public JsonObject get() {
    return json(connections.current());
  }

  /** {@code {"mode":"client_credentials"}}: connects with the custom connection. */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject put(String body) {
    String mode = string(body, "mode");
    if (!"client_credentials".equals(mode)) {
      throw new BusinessException(
          "Only {\"mode\":\"client_credentials\"} can be connected here; the authorisation-code"
              + " flow needs a person at Xero's consent page (Admin › Xero connection).");
    }
    service.connectClientCredentials(RequestBase.of(request), actor());
    return get();
  }

  @DELETE
  public Response delete() {
    service.disconnect(actor());
    return Response.noContent().build();
  }

  /** The organisations the connection's token may use (Xero's {@code /connections}). */
  @GET
  @Path("organisations")
  public JsonObject organisations() {
    JsonArrayBuilder list = JsonFactory.createArrayBuilder();
    for (XeroConnectionInfo o : service.organisations()) {
      list.add(
          JsonFactory.createObjectBuilder()
              .add("id", o.tenantId())
              .add("name", o.tenantName() == null ? "" : o.tenantName())
              .add("connectionId", o.connectionId() == null ? "" : o.connectionId()));
    }
    return JsonFactory.createObjectBuilder().add("organisations", list).build();
  }

  /** {@code {"id":"<tenant id>"}}: chooses the organisation. */
  @PUT
  @Path("organisation")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject choose(String body) {
    String id = string(body, "id");
    if (id == null || id.isBlank()) {
      throw new BusinessException("Say which organisation: {\"id\":\"<tenant id>\"}.");
    }
    service.chooseOrganisation(id, actor());
    return get();
  }

  private String actor() {
    return security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
  }

  private static String string(String body, String name) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try (JsonReader reader = JsonFactory.createReader(new StringReader(body))) {
      JsonObject json = reader.readObject();
      return json.get(name) instanceof JsonString s ? s.getString() : null;
    } catch (RuntimeException e) {
      throw new BusinessException("The body must be a JSON object.");
    }
  }

  static JsonObject json(Optional<ConnectionView> view) {
    JsonObjectBuilder json = JsonFactory.createObjectBuilder();
    if (view.isEmpty()) {
      return json.add("connected", false)
          .addNull("organisation")
          .addNull("mode")
          .addNull("status")
          .add("tokenState", TokenState.NOT_CONNECTED.name())
          .addNull("accessTokenExpiresAt")
          .addNull("callsLeft")
          .build();
    }
    ConnectionView v = view.get();
    json.add("connected", v.connected());
    if (v.tenantId() == null) {
      json.addNull("organisation");
    } else {
      json.add(
          "organisation",
          JsonFactory.createObjectBuilder()
              .add("id", v.tenantId())
              .add("name", v.tenantName() == null ? "" : v.tenantName()));
    }
    json.add("mode", v.mode().name().toLowerCase(java.util.Locale.ROOT))
        .add("status", v.status().name())
        .add("tokenState", v.tokenState().name());
    instant(json, "accessTokenExpiresAt", v.accessExpiresAt());
    instant(json, "connectedAt", v.connectedAt());
    if (v.connectedBy() == null) {
      json.addNull("connectedBy");
    } else {
      json.add("connectedBy", v.connectedBy());
    }
    instant(json, "needsReconnectSince", v.needsReconnectSince());
    json.add("apiUrl", v.apiUrl());
    if (v.callsLeft() == null) {
      json.addNull("callsLeft");
    } else {
      JsonObjectBuilder calls = JsonFactory.createObjectBuilder();
      if (v.callsLeft().thisMinute() == null) {
        calls.addNull("thisMinute");
      } else {
        calls.add("thisMinute", v.callsLeft().thisMinute());
      }
      if (v.callsLeft().today() == null) {
        calls.addNull("today");
      } else {
        calls.add("today", v.callsLeft().today());
      }
      json.add("callsLeft", calls.add("observedAt", v.callsLeft().observedAt().toString()));
    }
    return json.build();
  }

  private static void instant(JsonObjectBuilder json, String name, Instant value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value.toString());
    }
  }
}
