package io.ledgerbridge.settings.entity;

/**
 * A value for sales and one for purchases (a TaxType or an account code); either may be null. An
 * account override may also name the accounts of the key's cost (issue 12 §2): the COGS account its
 * sales cost goes to, and the inventory asset account its stock is held in. Tax mappings leave them
 * null.
 */
public record PerDirection(String sales, String purchases, String cogs, String inventory) {

  public static final PerDirection NONE = new PerDirection(null, null);

  public PerDirection(String sales, String purchases) {
    this(sales, purchases, null, null);
  }

  public String get(Direction direction) {
    return direction == Direction.SALES ? sales : purchases;
  }

  /** The account of the key's cost for a COGS journal: {@code cogs} or {@code inventory}. */
  public String cost(AccountRole role) {
    return switch (role) {
      case COGS -> cogs;
      case INVENTORY -> inventory;
      default -> null;
    };
  }

  public boolean isEmpty() {
    return sales == null && purchases == null && cogs == null && inventory == null;
  }
}
