package io.ledgerbridge.platform;

import jakarta.ejb.ApplicationException;

/**
 * The one exception hierarchy for problems a user can act on. Its message is safe to show: the
 * Faces exception handler turns it into a page message and the JAX-RS mapper into problem JSON with
 * {@link #status()}.
 */
@ApplicationException(rollback = true)
public class BusinessException extends RuntimeException {

  private final int status;

  public BusinessException(String message) {
    this(400, message);
  }

  protected BusinessException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** Something the user named does not exist (HTTP 404). */
  @ApplicationException(rollback = true)
  public static class NotFound extends BusinessException {
    public NotFound(String message) {
      super(404, message);
    }
  }

  /** The request clashes with the current state (HTTP 409). */
  @ApplicationException(rollback = true)
  public static class Conflict extends BusinessException {
    public Conflict(String message) {
      super(409, message);
    }
  }

  /** A service LedgerBridge depends on (the database) is not available; try again (HTTP 503). */
  @ApplicationException(rollback = true)
  public static class Unavailable extends BusinessException {
    public Unavailable(String message) {
      super(503, message);
    }
  }
}
