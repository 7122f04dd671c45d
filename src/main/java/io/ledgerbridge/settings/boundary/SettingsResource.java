package io.ledgerbridge.settings.boundary;

import io.ledgerbridge.platform.JsonFactory;
import io.ledgerbridge.platform.audit.AuditEntry;
import io.ledgerbridge.platform.rest.Problem;
import io.ledgerbridge.platform.security.Role;
import io.ledgerbridge.settings.control.SettingsError;
import io.ledgerbridge.settings.control.SettingsJson;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The accounting settings over REST: {@code GET} (anyone signed in) with an {@code ETag}; {@code
 * PATCH} (admin) with a JSON merge patch (RFC 7396), validated exactly as the settings page
 * validates; {@code If-Match} (or a {@code version} in the body) guards against lost updates.
 */
@Path("v1/settings")
@RequestScoped
public class SettingsResource {

  public static final String MERGE_PATCH = "application/merge-patch+json";
  private static final int MAX_BODY = 1_048_576;

  @Inject private SettingsService settings;
  @Context private SecurityContext security;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.VIEWER_NAME)
  public Response get() {
    SettingsService.View view = settings.view();
    return Response.ok(json(view).toString()).tag(etag(view.version())).build();
  }

  @PATCH
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.ADMIN_NAME)
  public Response patch(
      @HeaderParam("Content-Type") String contentType,
      @HeaderParam("If-Match") String ifMatch,
      InputStream body) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (!type.startsWith(MERGE_PATCH) && !type.startsWith(MediaType.APPLICATION_JSON)) {
      return Problem.response(
          415,
          "Unsupported Media Type",
          "Send a JSON merge patch with Content-Type: application/merge-patch+json"
              + " (or application/json).");
    }
    Long expected = null;
    if (ifMatch != null && !ifMatch.isBlank() && !"*".equals(ifMatch.trim())) {
      expected = parseEtag(ifMatch);
      if (expected == null) {
        return Problem.response(
            400, "Bad Request", "If-Match must be the ETag of a GET, such as \"3\".");
      }
    }
    JsonObject patch;
    try {
      patch = readObject(body);
    } catch (Malformed e) {
      return malformed(e.getMessage());
    }
    boolean fromHeader = expected != null;
    JsonValue bodyVersion = patch.get("version");
    if (expected == null
        && bodyVersion != null
        && bodyVersion.getValueType() != JsonValue.ValueType.NULL) {
      if (!(bodyVersion instanceof JsonNumber n)
          || !n.isIntegral()
          || n.bigDecimalValue().precision() > 18) {
        return invalid(
            400, List.of(new SettingsError("version", "must be the whole number a GET returned.")));
      }
      expected = n.longValue();
    }
    try {
      SettingsService.View view =
          settings.patch(patch, expected, security.getUserPrincipal().getName());
      SettingsService.View fresh = settings.view();
      return Response.ok(json(fresh).toString()).tag(etag(view.version())).build();
    } catch (SettingsInvalid e) {
      return invalid(e.status(), e.errors());
    } catch (StaleSettings e) {
      return fromHeader
          ? Problem.response(412, "Precondition Failed", e.getMessage())
          : Problem.response(409, "Conflict", e.getMessage());
    } catch (jakarta.ejb.EJBException e) {
      if (e.getCause() instanceof SettingsInvalid invalid) {
        return invalid(invalid.status(), invalid.errors());
      }
      if (e.getCause() instanceof StaleSettings stale) {
        return Problem.response(
            fromHeader ? 412 : 409,
            fromHeader ? "Precondition Failed" : "Conflict",
            stale.getMessage());
      }
      throw e;
    }
  }

  /** The source values the mappings refer to: tax codes with line counts, branches, channels. */
  @GET
  @Path("source-values")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.VIEWER_NAME)
  public String sourceValues() {
    JsonArrayBuilder codes = JsonFactory.createArrayBuilder();
    for (SettingsService.SeenTaxCode c : settings.taxCodesSeen()) {
      codes.add(
          JsonFactory.createObjectBuilder()
              .add("code", c.code())
              .add("lines", c.lines())
              .add("salesLines", c.salesLines())
              .add("purchaseLines", c.purchaseLines()));
    }
    JsonObjectBuilder out = JsonFactory.createObjectBuilder().add("taxCodes", codes);
    settings
        .allValuesSeen()
        .forEach(
            (field, values) -> {
              JsonArrayBuilder array = JsonFactory.createArrayBuilder();
              values.forEach(
                  v ->
                      array.add(
                          JsonFactory.createObjectBuilder()
                              .add("value", v.value())
                              .add("transactions", v.count())));
              out.add(field.jsonName(), array);
            });
    return out.build().toString();
  }

  /** The latest settings changes from the audit log (who, when, field, old → new). */
  @GET
  @Path("history")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.ADMIN_NAME)
  public String history() {
    JsonArrayBuilder entries = JsonFactory.createArrayBuilder();
    for (AuditEntry a : settings.history(200)) {
      entries.add(
          JsonFactory.createObjectBuilder()
              .add("at", a.getOccurredAt().toString())
              .add("actor", a.getActor())
              .add("field", a.getSubject() == null ? "" : a.getSubject())
              .add("change", a.getDetails() == null ? "" : a.getDetails()));
    }
    return JsonFactory.createObjectBuilder().add("changes", entries).build().toString();
  }

  static JsonObject json(SettingsService.View view) {
    JsonObjectBuilder out = JsonFactory.createObjectBuilder(SettingsJson.toJson(view.settings()));
    out.add("version", view.version());
    if (view.updatedAt() != null) {
      out.add("updatedAt", view.updatedAt().toString());
    }
    if (view.updatedBy() != null) {
      out.add("updatedBy", view.updatedBy());
    }
    out.add("referenceDownloaded", view.referenceDownloaded());
    out.add("problems", errors(view.problems()));
    return out.build();
  }

  private static JsonArrayBuilder errors(List<SettingsError> errors) {
    JsonArrayBuilder array = JsonFactory.createArrayBuilder();
    errors.forEach(
        e ->
            array.add(
                JsonFactory.createObjectBuilder()
                    .add("field", e.field())
                    .add("message", e.message())));
    return array;
  }

  private static Response invalid(int status, List<SettingsError> errors) {
    String detail =
        status == 400
            ? "The request is not a valid settings patch; nothing was saved."
            : "The settings were refused; nothing was saved.";
    JsonObjectBuilder body =
        Problem.body(status, status == 400 ? "Bad Request" : "Unprocessable Content", detail)
            .add("errors", errors(errors));
    return Response.status(status).type(Problem.MEDIA_TYPE).entity(body.build().toString()).build();
  }

  private static EntityTag etag(long version) {
    return new EntityTag(Long.toString(version));
  }

  private static Long parseEtag(String header) {
    String text = header.trim();
    if (text.startsWith("W/")) {
      text = text.substring(2);
    }
    if (text.length() < 3 || !text.startsWith("\"") || !text.endsWith("\"")) {
      return null;
    }
    try {
      return Long.parseLong(text.substring(1, text.length() - 1));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  private static JsonObject readObject(InputStream body) throws Malformed {
    byte[] bytes;
    try {
      bytes = body.readNBytes(MAX_BODY + 1);
    } catch (IOException e) {
      throw new Malformed("The request body could not be read.");
    }
    if (bytes.length > MAX_BODY) {
      throw new Malformed("The body is larger than " + MAX_BODY + " bytes.");
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      throw new Malformed("The body is not valid UTF-8.");
    }
    try (JsonParser parser =
        JsonFactory.createParser(
            new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        throw new Malformed("The body must be a JSON object (a merge patch of the settings).");
      }
      JsonObject json = parser.getObject();
      if (parser.hasNext()) {
        throw new Malformed("The body has more after its JSON object; send exactly one object.");
      }
      return json;
    } catch (JsonParsingException e) {
      var location = e.getLocation();
      throw new Malformed(
          "The body is not valid JSON"
              + (location == null
                  ? ""
                  : " (line "
                      + location.getLineNumber()
                      + ", column "
                      + location.getColumnNumber()
                      + ")")
              + ".");
    } catch (RuntimeException e) {
      throw new Malformed(
          "The body is not valid JSON or exceeds the parser's limits (nesting depth, number size).");
    }
  }

  private static Response malformed(String detail) {
    return Problem.response(400, "Malformed request", detail);
  }
}
