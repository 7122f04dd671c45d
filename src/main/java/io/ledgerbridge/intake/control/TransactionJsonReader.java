package io.ledgerbridge.intake.control;

import io.ledgerbridge.intake.entity.Address;
import io.ledgerbridge.intake.entity.Contact;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.intake.entity.Line;
import io.ledgerbridge.intake.entity.StockMovement;
import io.ledgerbridge.intake.entity.TransactionContent;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one element of {@code {"transactions":[…]}} into an {@link IncomingTransaction}. Wrong
 * types (a word where a number belongs, an object where text belongs) become field errors; numbers
 * are read as exact decimals, never through binary floating point. Unknown fields are ignored so
 * the inventory system can send more than we use.
 */
public final class TransactionJsonReader {

  private final List<FieldError> errors = new ArrayList<>();
  private final int maxLines;

  private TransactionJsonReader(int maxLines) {
    this.maxLines = maxLines;
  }

  public static IncomingTransaction read(JsonObject item, int index, int maxLines) {
    return new TransactionJsonReader(maxLines).readItem(item, index);
  }

  private IncomingTransaction readItem(JsonObject item, int index) {
    // Raw, not trimmed like other text: "SALE\n" or "SALE\u0000" is no kind (TextRules.token).
    String kindText = scalar(item, "kind", "kind");
    Kind kind = Kind.parse(kindText).filter(Kind::received).orElse(null);
    String sourceId = text(item, "sourceId", "sourceId");
    Long version = Values.integer(scalar(item, "version", "version"), "version", errors);
    JsonObject contactJson = object(item, "contact", "contact");
    Contact contact = contactJson == null ? null : contact(contactJson);
    List<Line> lines = lines(item);
    TransactionContent content =
        new TransactionContent(
            text(item, "number", "number"),
            text(item, "reference", "reference"),
            contact,
            Values.date(scalar(item, "date", "date"), "date", errors),
            Values.date(scalar(item, "dueDate", "dueDate"), "dueDate", errors),
            Values.date(scalar(item, "dispatchDate", "dispatchDate"), "dispatchDate", errors),
            text(item, "currency", "currency"),
            decimal(item, "currencyRate", "currencyRate"),
            text(item, "branch", "branch"),
            text(item, "channel", "channel"),
            text(item, "paymentMethod", "paymentMethod"),
            Boolean.TRUE.equals(bool(item, "pricesIncludeTax", "pricesIncludeTax")),
            lines,
            decimal(item, "total", "total"),
            Boolean.TRUE.equals(bool(item, "voided", "voided")),
            movement(item));
    return new IncomingTransaction(index, kind, kindText, sourceId, version, content, errors);
  }

  private StockMovement movement(JsonObject item) {
    return Values.movement(
        scalar(item, "adjustmentType", "adjustmentType"),
        scalar(item, "reason", "reason"),
        scalar(item, "location", "location"),
        scalar(item, "fromLocation", "fromLocation"),
        scalar(item, "toLocation", "toLocation"),
        errors);
  }

  private Contact contact(JsonObject json) {
    JsonObject addressJson = object(json, "address", "contact.address");
    Address address =
        addressJson == null
            ? null
            : new Address(
                text(addressJson, "line1", "contact.address.line1"),
                text(addressJson, "line2", "contact.address.line2"),
                text(addressJson, "city", "contact.address.city"),
                text(addressJson, "region", "contact.address.region"),
                text(addressJson, "postalCode", "contact.address.postalCode"),
                text(addressJson, "country", "contact.address.country"));
    return new Contact(
        text(json, "code", "contact.code"),
        text(json, "name", "contact.name"),
        text(json, "email", "contact.email"),
        text(json, "phone", "contact.phone"),
        text(json, "taxNumber", "contact.taxNumber"),
        address);
  }

  private List<Line> lines(JsonObject item) {
    JsonValue value = item.get("lines");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      errors.add(new FieldError("lines", "must be an array of lines"));
      return List.of();
    }
    JsonArray array = value.asJsonArray();
    if (array.size() > maxLines) {
      errors.add(
          new FieldError(
              "lines",
              "has "
                  + array.size()
                  + " lines; at most "
                  + maxLines
                  + " are allowed per transaction"));
      return List.of();
    }
    List<Line> lines = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String path = "lines[" + i + "]";
      JsonValue element = array.get(i);
      if (element.getValueType() != JsonValue.ValueType.OBJECT) {
        errors.add(new FieldError(path, "must be an object"));
        // A placeholder keeps the following lines' numbers right in later error messages.
        lines.add(new Line(null, null, null, null, null, null, null, null));
        continue;
      }
      JsonObject line = element.asJsonObject();
      lines.add(
          new Line(
              text(line, "sku", path + ".sku"),
              text(line, "description", path + ".description"),
              decimal(line, "quantity", path + ".quantity"),
              decimal(line, "unitPrice", path + ".unitPrice"),
              decimal(line, "discountPercent", path + ".discountPercent"),
              text(line, "taxCode", path + ".taxCode"),
              text(line, "accountCode", path + ".accountCode"),
              decimal(line, "unitCost", path + ".unitCost"),
              decimal(line, "costAmount", path + ".costAmount"),
              bool(line, "restock", path + ".restock")));
    }
    return lines;
  }

  /** Text fields accept strings, and numbers for identifiers that some systems send as numbers. */
  private String text(JsonObject json, String name, String path) {
    return Values.text(scalar(json, name, path));
  }

  private String scalar(JsonObject json, String name, String path) {
    return JsonFields.scalar(json, name, path, errors);
  }

  private BigDecimal decimal(JsonObject json, String name, String path) {
    return JsonFields.decimal(json, name, path, errors);
  }

  private Boolean bool(JsonObject json, String name, String path) {
    JsonValue value = json.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() == JsonValue.ValueType.TRUE) {
      return true;
    }
    if (value.getValueType() == JsonValue.ValueType.FALSE) {
      return false;
    }
    return Values.bool(scalar(json, name, path), path, errors);
  }

  private JsonObject object(JsonObject json, String name, String path) {
    JsonValue value = json.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      errors.add(new FieldError(path, "must be an object"));
      return null;
    }
    return value.asJsonObject();
  }
}
