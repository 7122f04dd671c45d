package io.ledgerbridge.intake.boundary;

import io.ledgerbridge.platform.TextRules;
import java.util.Optional;

/** The columns a transaction list can be sorted by, mapped to indexed JPQL paths. */
public record Sort(Field field, boolean ascending) {

  public static final Sort DEFAULT = new Sort(Field.DATE, false);

  public enum Field {
    DATE("t.date"),
    NUMBER("t.number"),
    CONTACT("t.contactName"),
    TOTAL("t.total"),
    STATE("t.state"),
    BRANCH("t.branch"),
    UPDATED("t.updatedAt");

    final String path;

    Field(String path) {
      this.path = path;
    }

    public static Optional<Field> parse(String name) {
      if (name == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(valueOf(TextRules.token(name).orElse("?")));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }

  /**
   * Parses {@code date}, {@code -total} and the like: a column name, with {@code -} for descending.
   * Blank means the default sort; an unknown column is empty.
   */
  public static Optional<Sort> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.of(DEFAULT);
    }
    String trimmed = text.trim();
    boolean descending = trimmed.startsWith("-");
    return Field.parse(descending ? trimmed.substring(1) : trimmed)
        .map(field -> new Sort(field, !descending));
  }

  String orderBy() {
    String direction = ascending ? " ASC" : " DESC";
    return " ORDER BY " + field.path + direction + ", t.id" + direction;
  }
}
