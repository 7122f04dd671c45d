package io.ledgerbridge.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonMergePatch;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;

/**
 * The one way LedgerBridge's code makes JSON-P builders, readers and parsers: {@code
 * jakarta.json.Json}'s methods, but with the provider looked up once. {@code Json.createXxx()} asks
 * {@link JsonProvider#provider()} every time, which runs a {@link java.util.ServiceLoader} scan of
 * the application's class loader under that loader's lock; under load the intake API's threads
 * queued on it (a thread dump of 20 intake clients showed a third of the request threads blocked
 * there). A JSON-P provider is thread-safe, so one is shared. {@code JsonFactoryUseTest} keeps
 * {@code jakarta.json.Json} out of the main code.
 */
public final class JsonFactory {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private JsonFactory() {}

  public static JsonObjectBuilder createObjectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonObjectBuilder createObjectBuilder(JsonObject object) {
    return PROVIDER.createObjectBuilder(object);
  }

  public static JsonArrayBuilder createArrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonArrayBuilder createArrayBuilder(JsonArray array) {
    return PROVIDER.createArrayBuilder(array);
  }

  public static JsonReader createReader(Reader reader) {
    return PROVIDER.createReader(reader);
  }

  public static JsonReader createReader(InputStream in) {
    return PROVIDER.createReader(in);
  }

  public static JsonParser createParser(Reader reader) {
    return PROVIDER.createParser(reader);
  }

  public static JsonParser createParser(InputStream in) {
    return PROVIDER.createParser(in);
  }

  public static JsonMergePatch createMergePatch(JsonValue patch) {
    return PROVIDER.createMergePatch(patch);
  }

  public static JsonString createValue(String value) {
    return PROVIDER.createValue(value);
  }

  public static JsonValue createValue(long value) {
    return PROVIDER.createValue(value);
  }

  public static JsonValue createValue(BigDecimal value) {
    return PROVIDER.createValue(value);
  }
}
