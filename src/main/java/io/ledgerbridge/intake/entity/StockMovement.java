package io.ledgerbridge.intake.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * What a stock adjustment is about: its type, why, and where. A {@code TRANSFER} moves stock from
 * one location to another and nets to zero; the others change the stock value at {@code location}.
 */
public record StockMovement(
    Type type, String reason, String location, String fromLocation, String toLocation) {

  /** The kinds of stock adjustment an inventory system sends. */
  public enum Type {
    WRITE_OFF,
    COUNT,
    REVALUATION,
    TRANSFER;

    public static Optional<Type> parse(String text) {
      if (text == null) {
        return Optional.empty();
      }
      String normalised = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
      for (Type type : values()) {
        if (type.name().equals(normalised)) {
          return Optional.of(type);
        }
      }
      return Optional.empty();
    }

    public String label() {
      String lower = name().toLowerCase(Locale.ROOT).replace('_', '-');
      return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
  }

  public static final StockMovement NONE = new StockMovement(null, null, null, null, null);

  public boolean transfer() {
    return type == Type.TRANSFER;
  }
}
