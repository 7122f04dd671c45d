package io.ledgerbridge.sandbox.boundary;

import io.ledgerbridge.platform.JsonFactory;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An HTTP answer of the sandbox, built before it is written so it can be stored for idempotency.
 */
public record Reply(int status, String contentType, String body, Map<String, String> headers) {

  public static final String JSON = "application/json; charset=utf-8";
  public static final String NOT_FOUND_TEXT = "The resource you're looking for cannot be found";

  public static Reply json(int status, JsonObject body) {
    return new Reply(status, JSON, body.toString(), new LinkedHashMap<>());
  }

  public static Reply text(int status, String text) {
    return new Reply(status, "text/plain; charset=utf-8", text, new LinkedHashMap<>());
  }

  public static Reply notFound() {
    return text(404, NOT_FOUND_TEXT);
  }

  /** Xero's 401/403 problem body: PascalCase, with Instance and Extensions. */
  public static Reply problem(int status, String title, String detail) {
    return json(
        status,
        JsonFactory.createObjectBuilder()
            .addNull("Type")
            .add("Title", title)
            .add("Status", status)
            .add("Detail", detail)
            .add("Instance", UUID.randomUUID().toString())
            .add("Extensions", JsonFactory.createObjectBuilder())
            .build());
  }

  /** A 400 with Xero's error envelope and no elements. */
  public static Reply validation(int errorNumber, String type, String message) {
    return json(
        400,
        JsonFactory.createObjectBuilder()
            .add("ErrorNumber", errorNumber)
            .add("Type", type)
            .add("Message", message)
            .build());
  }

  public Reply header(String name, String value) {
    headers.put(name, value);
    return this;
  }
}
