package io.ledgerbridge.settings.entity;

/** A value for sales and one for purchases (a TaxType or an account code); either may be null. */
public record PerDirection(String sales, String purchases) {

  public static final PerDirection NONE = new PerDirection(null, null);

  public String get(Direction direction) {
    return direction == Direction.SALES ? sales : purchases;
  }

  public boolean isEmpty() {
    return sales == null && purchases == null;
  }
}
