package io.ledgerbridge.settings.entity;

/** A field of the source transaction that can feed a Xero tracking category. */
public enum SourceField {
  BRANCH("branch", "Branch"),
  CHANNEL("channel", "Sales channel"),
  PAYMENT_METHOD("paymentMethod", "Payment method");

  private final String jsonName;
  private final String label;

  SourceField(String jsonName, String label) {
    this.jsonName = jsonName;
    this.label = label;
  }

  public String jsonName() {
    return jsonName;
  }

  public String label() {
    return label;
  }

  public static SourceField byJsonName(String name) {
    for (SourceField field : values()) {
      if (field.jsonName.equals(name)) {
        return field;
      }
    }
    return null;
  }
}
