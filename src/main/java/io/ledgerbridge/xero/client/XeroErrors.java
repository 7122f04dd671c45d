package io.ledgerbridge.xero.client;

import io.ledgerbridge.platform.JsonFactory;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns Xero's error answers into exceptions with Xero's messages (xero-api.md §11, §19.8): a 400's
 * {@code Elements[].ValidationErrors[].Message} (or {@code Description}) and top-level {@code
 * Message}; a 401/403 problem's {@code Detail}; plain-text 404 and 5xx bodies.
 */
public final class XeroErrors {

  private static final int MAX_TEXT = 500;

  private XeroErrors() {}

  /** Xero's messages in an error body, most specific first. */
  public static List<String> messages(String body) {
    if (body == null || body.isBlank()) {
      return List.of();
    }
    JsonObject json = object(body);
    if (json == null) {
      String text = body.strip();
      return List.of(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text);
    }
    Set<String> messages = new LinkedHashSet<>();
    if (json.get("Elements") instanceof JsonArray elements) {
      for (JsonValue element : elements) {
        if (element instanceof JsonObject e
            && e.get("ValidationErrors") instanceof JsonArray errs) {
          for (JsonValue error : errs) {
            if (error instanceof JsonObject o) {
              add(messages, o, "Message");
              add(messages, o, "Description");
            }
          }
        }
      }
    }
    if (messages.isEmpty()) {
      add(messages, json, "Message");
    }
    add(messages, json, "Detail");
    add(messages, json, "error");
    add(messages, json, "error_description");
    if (messages.isEmpty()) {
      add(messages, json, "Title");
    }
    return new ArrayList<>(messages);
  }

  /**
   * Whether an error answer cannot be Xero's API speaking: a 404 that is a web page (an application
   * server or proxy whose route to the API is not there yet, e.g. a server still starting). Xero's
   * own 404s are plain text or JSON. Such an answer is treated like a 5xx: Xero unavailable for
   * now, tried again, never taken as "no such document".
   */
  public static boolean notXerosAnswer(int status, String body) {
    if (status != 404 || body == null) {
      return false;
    }
    String start = body.stripLeading().toLowerCase(java.util.Locale.ROOT);
    return start.startsWith("<!doctype html") || start.startsWith("<html");
  }

  /** Xero's {@code Type} of a 400 (ValidationException, QueryParseException, …), if it says. */
  public static String type(String body) {
    JsonObject json = object(body);
    return json != null && json.get("Type") instanceof JsonString s ? s.getString() : null;
  }

  /** The exception for a final (not retried) error answer. */
  public static XeroException toException(
      int status, String endpoint, String body, String correlationId) {
    List<String> messages = messages(body);
    return switch (status) {
      case 400 -> {
        String type = type(body);
        yield new XeroException.Validation(
            endpoint, type == null ? "Bad Request" : type, messages, correlationId);
      }
      case 401, 403 -> new XeroException.AccessDenied(status, endpoint, messages, correlationId);
      case 404 -> new XeroException.NotFound(endpoint, messages, correlationId);
      default ->
          status >= 500
              ? new XeroException.Unavailable(status, endpoint, messages, correlationId)
              : new XeroException(
                  502,
                  status,
                  endpoint,
                  endpoint
                      + ": Xero answered "
                      + status
                      + (messages.isEmpty() ? "" : ": " + String.join("; ", messages)),
                  messages,
                  correlationId);
    };
  }

  private static void add(Set<String> messages, JsonObject json, String name) {
    if (json.get(name) instanceof JsonString s && !s.getString().isBlank()) {
      messages.add(s.getString());
    }
  }

  private static JsonObject object(String body) {
    if (body == null) {
      return null;
    }
    String text = body.strip();
    if (!text.startsWith("{")) {
      return null;
    }
    try (var reader = JsonFactory.createReader(new StringReader(text))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
