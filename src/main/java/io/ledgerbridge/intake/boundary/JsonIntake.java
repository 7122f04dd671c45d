package io.ledgerbridge.intake.boundary;

import io.ledgerbridge.platform.JsonFactory;
import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import io.ledgerbridge.platform.rest.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

/**
 * How every JSON intake request is taken in, whatever it carries ({@code {"transactions":[…]}},
 * {@code {"valuations":[…]}}): the body-size limit, JSON only, one turn at the {@link IntakeGate},
 * one JSON object with the named array of at most {@code ledgerbridge.intake.max-items} objects.
 * Anything else is a problem response and nothing of the request is stored.
 */
@ApplicationScoped
public class JsonIntake {

  @Inject private LedgerBridgeConfig config;
  @Inject private IntakeGate gate;

  /**
   * The response of {@code work} on the body's array named {@code items}, every element an object,
   * run when it is this request's turn; or the problem with the request.
   */
  public Response receive(
      Long contentLength,
      String contentType,
      InputStream body,
      String items,
      Function<JsonArray, Response> work) {
    long limit = config.intakeMaxBodyBytes();
    if (contentLength != null && contentLength > limit) {
      return tooLarge(limit, items);
    }
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      return Problem.response(
          415,
          "Unsupported Media Type",
          "Send the " + items + " as JSON with Content-Type: application/json.");
    }
    byte[] bytes;
    try {
      bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    } catch (IOException e) {
      return Problem.response(400, "Bad Request", "The request body could not be read.");
    }
    if (bytes.length > limit) {
      return tooLarge(limit, items);
    }
    return gate.whenFree(() -> receive(bytes, items, work))
        .orElseGet(
            () ->
                Response.fromResponse(
                        Problem.response(
                            503,
                            "Service Unavailable",
                            "LedgerBridge is busy with other intake requests and this one waited"
                                + " too long for its turn; nothing of it was stored. Send it again"
                                + " after Retry-After seconds."))
                    .header("Retry-After", gate.retryAfterSeconds())
                    .build());
  }

  /** Parses the body and checks its shape, once it is its turn. */
  private Response receive(byte[] bytes, String items, Function<JsonArray, Response> work) {
    JsonObject json;
    try (JsonParser parser =
        JsonFactory.createParser(
            new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        return malformed("The body must be a JSON object: {\"" + items + "\": [...]}.");
      }
      json = parser.getObject();
      if (parser.hasNext()) {
        return malformed("The body has more after its JSON object; send exactly one object.");
      }
    } catch (JsonParsingException e) {
      var location = e.getLocation();
      return malformed(
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
      // The parser's own limits: nesting depth, number length, absurd exponents.
      return malformed(
          "The body is not valid JSON or exceeds the parser's limits (nesting depth,"
              + " number size).");
    }
    JsonValue value = json.get(items);
    if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
      return malformed("The body must have a \"" + items + "\" array: {\"" + items + "\": [...]}.");
    }
    JsonArray array = value.asJsonArray();
    if (array.size() > config.intakeMaxItems()) {
      return Problem.response(
          413,
          "Payload Too Large",
          "The request has "
              + array.size()
              + " "
              + items
              + "; send at most "
              + config.intakeMaxItems()
              + " per request.");
    }
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        return malformed(items + "[" + i + "] is not a JSON object; nothing was stored.");
      }
    }
    return work.apply(array);
  }

  private static Response malformed(String detail) {
    return Problem.response(400, "Malformed request", detail);
  }

  private static Response tooLarge(long limit, String items) {
    return Problem.response(
        413,
        "Payload Too Large",
        "The body is larger than " + limit + " bytes; send fewer " + items + " per request.");
  }
}
