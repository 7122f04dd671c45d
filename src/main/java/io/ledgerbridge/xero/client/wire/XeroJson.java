package io.ledgerbridge.xero.client.wire;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.bind.config.PropertyVisibilityStrategy;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * JSON-B set up for Xero: PascalCase names from the wire classes' public fields, nulls left out,
 * unknown fields ignored, Xero's date forms. Thread-safe; one instance per client.
 */
public final class XeroJson implements AutoCloseable {

  private final Jsonb jsonb;

  public XeroJson() {
    JsonbConfig config =
        new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.UPPER_CAMEL_CASE)
            .withPropertyVisibilityStrategy(new FieldsOnly())
            .withNullValues(false)
            .withAdapters(new XeroDates.DateAdapter(), new XeroDates.TimestampAdapter());
    this.jsonb = JsonbBuilder.create(config);
  }

  public String toJson(Object value) {
    return jsonb.toJson(value);
  }

  public <T> T fromJson(String json, Class<T> type) {
    return jsonb.fromJson(json, type);
  }

  @Override
  public void close() {
    try {
      jsonb.close();
    } catch (Exception e) {
      // Nothing to release that matters at shutdown.
    }
  }

  /** Public fields are the properties; helper methods such as {@code refused()} are not. */
  private static final class FieldsOnly implements PropertyVisibilityStrategy {
    @Override
    public boolean isVisible(Field field) {
      return Modifier.isPublic(field.getModifiers());
    }

    @Override
    public boolean isVisible(Method method) {
      return false;
    }
  }
}
