package io.ledgerbridge.xero.client.wire;

import jakarta.json.bind.adapter.JsonbAdapter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Xero's dates. Answers carry {@code /Date(1518685950940+0000)/}: milliseconds since the epoch in
 * UTC, the offset only informative. A date (not a timestamp) is midnight UTC of the organisation's
 * calendar day, so its date part is taken in UTC, never in the JVM's zone (xero-api.md §4).
 * Requests send dates as {@code yyyy-MM-dd}, never as an offset timestamp that Xero would shift.
 */
public final class XeroDates {

  private static final Pattern MS_JSON = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");

  private XeroDates() {}

  /**
   * A timestamp from {@code /Date(ms±zzzz)/}, ISO-8601 with an offset, or ISO-8601 without one
   * (read as UTC); null for null or blank.
   */
  public static Instant parseTimestamp(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.trim();
    Matcher ms = MS_JSON.matcher(value);
    if (ms.matches()) {
      return Instant.ofEpochMilli(Long.parseLong(ms.group(1)));
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
    }
  }

  /** A calendar date: the UTC date part of whatever {@link #parseTimestamp} reads. */
  public static LocalDate parseDate(String text) {
    Instant instant = parseTimestamp(text);
    return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  /** How requests carry a date: {@code yyyy-MM-dd}. */
  public static String formatDate(LocalDate date) {
    return date == null ? null : date.toString();
  }

  /** JSON-B: dates in and out. */
  public static final class DateAdapter implements JsonbAdapter<LocalDate, String> {
    @Override
    public String adaptToJson(LocalDate date) {
      return formatDate(date);
    }

    @Override
    public LocalDate adaptFromJson(String text) {
      return parseDate(text);
    }
  }

  /** JSON-B: timestamps in (any of Xero's forms) and out (ISO-8601, UTC). */
  public static final class TimestampAdapter implements JsonbAdapter<Instant, String> {
    @Override
    public String adaptToJson(Instant instant) {
      return instant == null ? null : instant.toString();
    }

    @Override
    public Instant adaptFromJson(String text) {
      return parseTimestamp(text);
    }
  }
}
