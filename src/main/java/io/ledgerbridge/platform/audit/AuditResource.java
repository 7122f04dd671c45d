package io.ledgerbridge.platform.audit;

import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.JsonFactory;
import io.ledgerbridge.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The audit log for scripts (docs/operations.md, "Audit log"): {@code GET
 * /api/v1/audit?actor=&action=&subject=&from=&to=&page=&size=}, newest first. Viewers and above,
 * since product.md lets viewers see everything.
 */
@Path("v1/audit")
@RequestScoped
@RolesAllowed(Role.VIEWER_NAME)
public class AuditResource {

  @Inject private AuditLog audit;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String search(
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("subject") String subject,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    AuditFilter filter = AuditFilter.parse(actor, action, subject, from, to);
    AuditResults result =
        audit.search(
            filter,
            number("page", page, 1, 1, Integer.MAX_VALUE),
            number("size", size, AuditLog.DEFAULT_PAGE_SIZE, 1, AuditLog.MAX_PAGE_SIZE));
    JsonArrayBuilder items = JsonFactory.createArrayBuilder();
    for (AuditEntry entry : result.items()) {
      items.add(
          JsonFactory.createObjectBuilder()
              .add("at", entry.getOccurredAt().toString())
              .add("actor", entry.getActor())
              .add("action", entry.getAction())
              .add("subject", orNull(entry.getSubject()))
              .add("details", orNull(entry.getDetails())));
    }
    JsonObjectBuilder json =
        JsonFactory.createObjectBuilder()
            .add("items", items)
            .add("page", result.page())
            .add("size", result.size())
            .add("total", result.total())
            .add("pageCount", result.pageCount());
    return json.build().toString();
  }

  private static JsonValue orNull(String text) {
    return text == null ? JsonValue.NULL : JsonFactory.createValue(text);
  }

  static int number(String name, String text, int defaultValue, int min, int max) {
    if (text == null || text.isBlank()) {
      return defaultValue;
    }
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new BusinessException(name + " must be a whole number.");
    }
    if (value < min || value > max) {
      throw new BusinessException(
          name
              + " must be "
              + (max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max)
              + ".");
    }
    return value;
  }
}
