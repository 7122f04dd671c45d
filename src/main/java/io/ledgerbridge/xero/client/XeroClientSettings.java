package io.ledgerbridge.xero.client;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The client's settings, typed. Xero's own limits are the defaults; tests scale the minute window
 * down to match the sandbox's.
 *
 * @param connectTimeout how long to wait for a TCP connection
 * @param readTimeout how long to wait for an answer once the request is sent
 * @param maxRetries retries of one request after a 5xx, a time-out or a dropped connection
 * @param retryBaseDelay the first back-off; doubled per retry, with jitter, up to {@code
 *     retryMaxDelay}
 * @param batchSize elements per write request, at most 50 (Xero's guidance)
 * @param maxInFlight calls in flight per organisation from this node, at most 5 (Xero's limit is
 *     per organisation, so nodes sharing one should split it)
 * @param minuteWindow the length of Xero's minute window (60 s; shorter against a scaled sandbox)
 * @param minuteReserve calls per minute this node leaves to others (e.g. interactive use, other
 *     nodes)
 * @param dayReserve calls per day kept back: below it writes stop with "daily limit reached"
 * @param maxRateLimitWaits how many 429s (minute, app-minute, concurrent) one request waits out
 *     before giving up
 */
public record XeroClientSettings(
    Duration connectTimeout,
    Duration readTimeout,
    int maxRetries,
    Duration retryBaseDelay,
    Duration retryMaxDelay,
    int batchSize,
    int maxInFlight,
    Duration minuteWindow,
    int minuteReserve,
    int dayReserve,
    int maxRateLimitWaits) {

  public static final String PREFIX = "ledgerbridge.xero.client.";
  public static final int MAX_BATCH = 50;
  public static final int MAX_IN_FLIGHT = 5;

  public XeroClientSettings {
    batchSize = Math.max(1, Math.min(MAX_BATCH, batchSize));
    maxInFlight = Math.max(1, Math.min(MAX_IN_FLIGHT, maxInFlight));
    maxRetries = Math.max(0, maxRetries);
    minuteReserve = Math.max(0, minuteReserve);
    dayReserve = Math.max(0, dayReserve);
    maxRateLimitWaits = Math.max(0, maxRateLimitWaits);
  }

  /** Xero's limits and sensible time-outs. */
  public static XeroClientSettings defaults() {
    return new XeroClientSettings(
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        4,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        MAX_BATCH,
        MAX_IN_FLIGHT,
        Duration.ofSeconds(60),
        0,
        0,
        20);
  }

  /** The defaults with a different minute window (tests against a scaled sandbox). */
  public XeroClientSettings withMinuteWindow(Duration window) {
    return new XeroClientSettings(
        connectTimeout,
        readTimeout,
        maxRetries,
        retryBaseDelay,
        retryMaxDelay,
        batchSize,
        maxInFlight,
        window,
        minuteReserve,
        dayReserve,
        maxRateLimitWaits);
  }

  public XeroClientSettings withRetries(int retries, Duration baseDelay, Duration maxDelay) {
    return new XeroClientSettings(
        connectTimeout,
        readTimeout,
        retries,
        baseDelay,
        maxDelay,
        batchSize,
        maxInFlight,
        minuteWindow,
        minuteReserve,
        dayReserve,
        maxRateLimitWaits);
  }

  /**
   * Reads {@code ledgerbridge.xero.client.*}: connect-timeout-seconds, read-timeout-seconds,
   * max-retries, retry-base-delay-ms, retry-max-delay-ms, batch-size, max-in-flight,
   * minute-window-seconds, minute-reserve, day-reserve, max-rate-limit-waits.
   */
  public static XeroClientSettings fromConfig() {
    Config config = ConfigProvider.getConfig(XeroClientSettings.class.getClassLoader());
    XeroClientSettings d = defaults();
    return new XeroClientSettings(
        Duration.ofSeconds(number(config, "connect-timeout-seconds", d.connectTimeout.toSeconds())),
        Duration.ofSeconds(number(config, "read-timeout-seconds", d.readTimeout.toSeconds())),
        (int) number(config, "max-retries", d.maxRetries),
        Duration.ofMillis(number(config, "retry-base-delay-ms", d.retryBaseDelay.toMillis())),
        Duration.ofMillis(number(config, "retry-max-delay-ms", d.retryMaxDelay.toMillis())),
        (int) number(config, "batch-size", d.batchSize),
        (int) number(config, "max-in-flight", d.maxInFlight),
        Duration.ofSeconds(number(config, "minute-window-seconds", d.minuteWindow.toSeconds())),
        (int) number(config, "minute-reserve", d.minuteReserve),
        (int) number(config, "day-reserve", d.dayReserve),
        (int) number(config, "max-rate-limit-waits", d.maxRateLimitWaits));
  }

  private static long number(Config config, String name, long defaultValue) {
    return config.getOptionalValue(PREFIX + name, Long.class).orElse(defaultValue);
  }
}
