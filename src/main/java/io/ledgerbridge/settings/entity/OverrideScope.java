package io.ledgerbridge.settings.entity;

/** What an account override is keyed by; line › product › contact › branch › default. */
public enum OverrideScope {
  PRODUCT("products", "Product (SKU)"),
  CONTACT("contacts", "Contact code"),
  BRANCH("branches", "Branch");

  private final String jsonName;
  private final String label;

  OverrideScope(String jsonName, String label) {
    this.jsonName = jsonName;
    this.label = label;
  }

  public String jsonName() {
    return jsonName;
  }

  public String label() {
    return label;
  }

  public static OverrideScope byJsonName(String name) {
    for (OverrideScope scope : values()) {
      if (scope.jsonName.equals(name)) {
        return scope;
      }
    }
    return null;
  }
}
