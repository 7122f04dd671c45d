package io.ledgerbridge.xero.client;

import io.ledgerbridge.platform.BusinessException;
import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.util.List;

/**
 * A Xero call that did not succeed, with Xero's own messages (safe to show: they never hold a
 * token). The subclasses say what the caller should do; {@link Ambiguous} is the one that matters
 * most: the request may have taken effect, so the import engine must reconcile (look the document
 * up by id or number) before sending it again with a new Idempotency-Key.
 */
@ApplicationException(rollback = true)
public class XeroException extends BusinessException {

  private final int xeroStatus;
  private final String endpoint;
  private final List<String> xeroMessages;
  private final String correlationId;

  public XeroException(
      int status,
      int xeroStatus,
      String endpoint,
      String message,
      List<String> xeroMessages,
      String correlationId) {
    super(status, message);
    this.xeroStatus = xeroStatus;
    this.endpoint = endpoint;
    this.xeroMessages = List.copyOf(xeroMessages);
    this.correlationId = correlationId;
  }

  /** Xero's HTTP status, or 0 when no answer arrived (time-out, dropped connection). */
  public int xeroStatus() {
    return xeroStatus;
  }

  /** e.g. {@code PUT Invoices}. */
  public String endpoint() {
    return endpoint;
  }

  /** Xero's messages: validation errors, the problem's Detail, the plain-text body. */
  public List<String> xeroMessages() {
    return xeroMessages;
  }

  /** Xero-Correlation-Id of the answer, for Xero support; null when there was none. */
  public String correlationId() {
    return correlationId;
  }

  private static String describe(String endpoint, String what, List<String> messages) {
    return endpoint + ": " + what + (messages.isEmpty() ? "" : ": " + String.join("; ", messages));
  }

  /** 400: Xero refused the request (ValidationException, QueryParseException, …). */
  @ApplicationException(rollback = true)
  public static class Validation extends XeroException {
    private final String xeroType;

    public Validation(String endpoint, String xeroType, List<String> messages, String correlation) {
      super(
          400,
          400,
          endpoint,
          describe(endpoint, "Xero refused the request (" + xeroType + ")", messages),
          messages,
          correlation);
      this.xeroType = xeroType;
    }

    /** Xero's {@code Type}, e.g. {@code ValidationException} or {@code QueryParseException}. */
    public String xeroType() {
      return xeroType;
    }
  }

  /** 404: no such resource in this organisation. */
  @ApplicationException(rollback = true)
  public static class NotFound extends XeroException {
    public NotFound(String endpoint, List<String> messages, String correlation) {
      super(
          404,
          404,
          endpoint,
          describe(endpoint, "not found in Xero", messages),
          messages,
          correlation);
    }
  }

  /**
   * 401 even after one renewed token, or 403 (connection revoked, tenant not connected): the
   * connection needs attention; retrying will not help.
   */
  @ApplicationException(rollback = true)
  public static class AccessDenied extends XeroException {
    public AccessDenied(
        int xeroStatus, String endpoint, List<String> messages, String correlation) {
      super(
          502,
          xeroStatus,
          endpoint,
          describe(
              endpoint,
              xeroStatus == 403
                  ? "Xero denied access to the organisation (reconnect, or check the tenant)"
                  : "Xero did not accept the access token",
              messages),
          messages,
          correlation);
    }
  }

  /** 429 for the minute, app-minute or concurrency limit, waited out too often. */
  @ApplicationException(rollback = true)
  public static class RateLimited extends XeroException {
    private final String problem;
    private final Duration retryAfter;

    public RateLimited(
        String endpoint, String problem, Duration retryAfter, String message, String correlation) {
      super(429, 429, endpoint, message, List.of(), correlation);
      this.problem = problem;
      this.retryAfter = retryAfter;
    }

    /** {@code X-Rate-Limit-Problem}: minute, day, appminute, concurrent (or null). */
    public String problem() {
      return problem;
    }

    /** {@code Retry-After}, or null when Xero sent none. */
    public Duration retryAfter() {
      return retryAfter;
    }
  }

  /**
   * The organisation's daily call limit is reached (Xero said so with a 429, or the remaining day
   * budget is at the configured reserve): reschedule the work for after {@link #retryAfter()}; do
   * not keep a worker sleeping.
   */
  @ApplicationException(rollback = true)
  public static class DailyLimitReached extends RateLimited {
    public DailyLimitReached(
        String endpoint, Duration retryAfter, String detail, String correlation) {
      super(
          endpoint,
          "day",
          retryAfter,
          "Xero's daily limit reached for this organisation"
              + (retryAfter == null
                  ? ""
                  : "; it resets in about " + retryAfter.toMinutes() + " min")
              + (detail == null ? "" : " (" + detail + ")"),
          correlation);
    }
  }

  /**
   * A read, or a write that certainly did not take effect (the connection was never made, or Xero
   * answered 5xx before the request was sent again and refused), failed after every retry.
   */
  @ApplicationException(rollback = true)
  public static class Unavailable extends XeroException {
    public Unavailable(int xeroStatus, String endpoint, List<String> messages, String correlation) {
      super(
          503,
          xeroStatus,
          endpoint,
          describe(endpoint, "Xero is not available, try again later", messages),
          messages,
          correlation);
    }
  }

  /**
   * A write whose outcome is unknown: a time-out, dropped connection or 5xx after the request was
   * sent, and the retries (with the same Idempotency-Key) ran out. The documents may exist in Xero:
   * reconcile by id or number before sending them again.
   */
  @ApplicationException(rollback = true)
  public static class Ambiguous extends XeroException {
    private final String idempotencyKey;

    public Ambiguous(
        int xeroStatus,
        String endpoint,
        String idempotencyKey,
        List<String> messages,
        String correlation) {
      super(
          503,
          xeroStatus,
          endpoint,
          describe(
              endpoint,
              "the write may or may not have taken effect in Xero; reconcile before sending again",
              messages),
          messages,
          correlation);
      this.idempotencyKey = idempotencyKey;
    }

    /** The key the attempts carried: a retry with it within Xero's 6 minutes is still safe. */
    public String idempotencyKey() {
      return idempotencyKey;
    }
  }
}
