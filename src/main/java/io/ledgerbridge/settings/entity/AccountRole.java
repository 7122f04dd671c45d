package io.ledgerbridge.settings.entity;

/** The default accounts LedgerBridge posts to, with where Xero will see each one. */
public enum AccountRole {
  SALES("sales", "Sales", false),
  PURCHASES("purchases", "Purchases (periodic)", false),
  INVENTORY("inventory", "Inventory asset", true),
  COGS("cogs", "Cost of goods sold", true),
  FREIGHT("freight", "Freight", false),
  DISCOUNTS("discounts", "Discounts", false),
  ROUNDING("rounding", "Rounding", false),
  STOCK_ADJUSTMENT("stockAdjustment", "Stock adjustments", true),
  /** Periodic method: the cost-of-sales account the month end's change in stock value moves to. */
  CLOSING_STOCK("closingStock", "Stock movement (periodic closing stock)", true);

  private final String jsonName;
  private final String label;
  private final boolean journal;

  AccountRole(String jsonName, String label, boolean journal) {
    this.jsonName = jsonName;
    this.label = label;
    this.journal = journal;
  }

  public String jsonName() {
    return jsonName;
  }

  public String label() {
    return label;
  }

  /** Whether the account is used on manual journals (COGS, stock adjustments), not only lines. */
  public boolean usedInJournals() {
    return journal;
  }

  public static AccountRole byJsonName(String name) {
    for (AccountRole role : values()) {
      if (role.jsonName.equals(name)) {
        return role;
      }
    }
    return null;
  }
}
