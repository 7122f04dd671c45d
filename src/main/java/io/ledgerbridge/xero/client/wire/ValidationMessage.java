package io.ledgerbridge.xero.client.wire;

/**
 * A validation error or warning: Xero writes {@code Message}, some examples {@code Description}.
 */
public class ValidationMessage extends XeroObject {

  public String message;
  public String description;

  public ValidationMessage() {}

  public ValidationMessage(String message) {
    this.message = message;
  }

  /** The text, whichever field carries it. */
  public String text() {
    return message != null ? message : description;
  }
}
