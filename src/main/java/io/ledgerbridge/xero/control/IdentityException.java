package io.ledgerbridge.xero.control;

/**
 * Xero's identity server or connections endpoint refused or failed a call. {@link #error()} is the
 * OAuth error code ({@code invalid_grant}, {@code invalid_client}, …) when there is one.
 */
public class IdentityException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final int status;
  private final String error;

  public IdentityException(int status, String error, String message) {
    super(message);
    this.status = status;
    this.error = error;
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }

  /** The refresh token (or code) is no longer accepted: only a new consent helps. */
  public boolean isInvalidGrant() {
    return "invalid_grant".equals(error);
  }

  /** The app's credentials are refused. */
  public boolean isInvalidClient() {
    return "invalid_client".equals(error) || "unauthorized_client".equals(error);
  }
}
