package io.ledgerbridge.settings.entity;

import io.ledgerbridge.intake.entity.Kind;
import java.util.Optional;

/** Which side of the books a document is on; Xero's tax types differ between the two. */
public enum Direction {
  SALES("sales"),
  PURCHASES("purchases");

  private final String jsonName;

  Direction(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  /** The direction of a source kind; stock adjustments (journals) have none. */
  public static Optional<Direction> of(Kind kind) {
    return switch (kind) {
      case SALE, CUSTOMER_CREDIT -> Optional.of(SALES);
      case PURCHASE, SUPPLIER_CREDIT -> Optional.of(PURCHASES);
      case STOCK_ADJUSTMENT, COGS, CLOSING_STOCK -> Optional.empty();
    };
  }
}
