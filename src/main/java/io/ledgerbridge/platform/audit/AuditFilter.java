package io.ledgerbridge.platform.audit;

import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.DateRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * What to look for in the audit log; null means "any". The actor matches exactly; the action
 * exactly, or as a prefix when {@code actionPrefix} is set; the subject contains the text, ignoring
 * case; {@code from} and {@code to} are whole days, both inclusive, in the server's time zone (the
 * zone the pages show times in).
 */
public record AuditFilter(
    String actor,
    String action,
    boolean actionPrefix,
    String subject,
    LocalDate from,
    LocalDate to) {

  public static final AuditFilter ANY = new AuditFilter(null, null, false, null, null, null);

  public AuditFilter {
    actor = trimmed(actor);
    action = trimmed(action);
    actionPrefix = actionPrefix && action != null;
    subject = trimmed(subject);
    if (from != null && to != null && from.isAfter(to)) {
      throw new BusinessException("from (" + from + ") is after to (" + to + ").");
    }
  }

  /**
   * The filter as people and scripts write it (URL parameters). An action ending in {@code .} or
   * {@code *} is a prefix: {@code import.} and {@code import*} both find {@code import.created} and
   * {@code import.failed}; {@code USER_*} finds {@code USER_CREATED}. Dates are {@code YYYY-MM-DD}.
   *
   * @throws BusinessException (400) naming the parameter that cannot be read
   */
  public static AuditFilter parse(
      String actor, String action, String subject, String from, String to) {
    String actionText = trimmed(action);
    boolean prefix = false;
    if (actionText != null && actionText.endsWith("*")) {
      actionText = trimmed(actionText.substring(0, actionText.length() - 1));
      prefix = true;
    } else if (actionText != null && actionText.endsWith(".")) {
      prefix = true;
    }
    return new AuditFilter(actor, actionText, prefix, subject, date("from", from), date("to", to));
  }

  static LocalDate date(String name, String text) {
    return DateRules.parse(name, text);
  }

  /** The first instant of {@code from} in the zone, or null. */
  public Instant start(ZoneId zone) {
    return from == null ? null : from.atStartOfDay(zone).toInstant();
  }

  /** The first instant after {@code to} in the zone (exclusive), or null. */
  public Instant end(ZoneId zone) {
    return to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** The action as a JPQL LIKE pattern with {@code \} as escape: the prefix, then anything. */
  String actionPattern() {
    return escapeLike(action) + "%";
  }

  /** The subject as a lower-case JPQL LIKE pattern with {@code \} as escape: contains. */
  String subjectPattern() {
    return "%" + escapeLike(subject.toLowerCase(Locale.ROOT)) + "%";
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static String trimmed(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
