package io.ledgerbridge.sandbox.control;

import io.ledgerbridge.platform.JsonFactory;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Xero's JSON conventions: {@code /Date(ms+0000)/} dates with a {@code DateString} beside them,
 * money to 2 decimals, quantities to 4, rates to 6, and the response envelope.
 */
public final class XeroJson {

  public static final String ZERO_ID = "00000000-0000-0000-0000-000000000000";
  private static final DateTimeFormatter DATE_STRING =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private XeroJson() {}

  public static String newId() {
    return UUID.randomUUID().toString();
  }

  /** A calendar date as Xero sends it: midnight UTC of that date. */
  public static String date(LocalDate date) {
    return "/Date(" + date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + "+0000)/";
  }

  public static String dateString(LocalDate date) {
    return date.atStartOfDay().format(DATE_STRING);
  }

  public static String timestamp(Instant instant) {
    return "/Date(" + instant.toEpochMilli() + "+0000)/";
  }

  public static String timestampString(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(
        instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  /** Adds {@code Date} and {@code DateString} (or any other name and its String twin). */
  public static JsonObjectBuilder addDate(JsonObjectBuilder json, String name, LocalDate date) {
    if (date != null) {
      json.add(name, date(date)).add(name + "String", dateString(date));
    }
    return json;
  }

  public static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  public static BigDecimal quantity(BigDecimal quantity) {
    return quantity.setScale(4, RoundingMode.HALF_UP);
  }

  public static BigDecimal rate(BigDecimal rate) {
    return rate.setScale(6, RoundingMode.HALF_UP);
  }

  /** The envelope around every successful Accounting API response. */
  public static JsonObjectBuilder envelope(String providerName, Instant now) {
    return JsonFactory.createObjectBuilder()
        .add("Id", newId())
        .add("Status", "OK")
        .add("ProviderName", providerName)
        .add("DateTimeUTC", "/Date(" + now.toEpochMilli() + ")/");
  }

  /**
   * Parses a date Xero accepts in requests: {@code 2026-03-11}, with a time, or {@code /Date(ms)/}.
   */
  public static LocalDate parseDate(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.trim();
    if (value.startsWith("/Date(")) {
      String digits = value.substring(6).replaceAll("[+-]\\d{4}\\)/$|\\)/$", "");
      return Instant.ofEpochMilli(Long.parseLong(digits)).atOffset(ZoneOffset.UTC).toLocalDate();
    }
    return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
  }

  public static String string(JsonObject json, String name) {
    return json.containsKey(name) && !json.isNull(name)
        ? json.get(name) instanceof jakarta.json.JsonString s
            ? s.getString()
            : json.get(name).toString()
        : null;
  }

  /** The two address slots (STREET, POBOX) Xero always returns on a contact, empty. */
  public static JsonArrayBuilder contactAddressSlots() {
    return JsonFactory.createArrayBuilder()
        .add(JsonFactory.createObjectBuilder().add("AddressType", "STREET"))
        .add(JsonFactory.createObjectBuilder().add("AddressType", "POBOX"));
  }

  /** The four phone slots (DEFAULT, DDI, FAX, MOBILE) Xero always returns on a contact, empty. */
  public static JsonArrayBuilder contactPhoneSlots() {
    JsonArrayBuilder phones = JsonFactory.createArrayBuilder();
    for (String type : new String[] {"DEFAULT", "DDI", "FAX", "MOBILE"}) {
      phones.add(JsonFactory.createObjectBuilder().add("PhoneType", type));
    }
    return phones;
  }
}
