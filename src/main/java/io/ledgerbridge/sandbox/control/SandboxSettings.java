package io.ledgerbridge.sandbox.control;

import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The sandbox's configuration, typed. Limits and lifetimes default to Xero's; tests shorten the
 * "minute" window and token lifetimes by configuration.
 *
 * @param enabled whether the sandbox answers at all (otherwise every sandbox URL is 404)
 */
public record SandboxSettings(
    boolean enabled,
    Duration minuteWindow,
    int concurrentLimit,
    int minuteLimit,
    int dayLimit,
    int appMinuteLimit,
    Duration accessTokenLifetime,
    Duration refreshTokenLifetime,
    Duration refreshGrace,
    Duration codeLifetime,
    Duration idempotencyWindow,
    List<String> extraRedirectUris) {

  /** Reads the settings; the sandbox is on by default exactly when demo mode is. */
  public static SandboxSettings fromConfig() {
    Config config = ConfigProvider.getConfig(SandboxSettings.class.getClassLoader());
    return new SandboxSettings(
        LedgerBridgeConfig.sandboxEnabled(),
        Duration.ofSeconds(seconds(config, "ledgerbridge.sandbox.minute-window-seconds", 60)),
        integer(config, "ledgerbridge.sandbox.limit.concurrent", 5),
        integer(config, "ledgerbridge.sandbox.limit.minute", 60),
        integer(config, "ledgerbridge.sandbox.limit.day", 5000),
        integer(config, "ledgerbridge.sandbox.limit.app-minute", 10_000),
        Duration.ofSeconds(seconds(config, "ledgerbridge.sandbox.access-token-seconds", 1800)),
        Duration.ofDays(integer(config, "ledgerbridge.sandbox.refresh-token-days", 60)),
        Duration.ofSeconds(seconds(config, "ledgerbridge.sandbox.refresh-grace-seconds", 1800)),
        Duration.ofSeconds(seconds(config, "ledgerbridge.sandbox.code-seconds", 300)),
        Duration.ofSeconds(seconds(config, "ledgerbridge.sandbox.idempotency-seconds", 360)),
        config
            .getOptionalValue("ledgerbridge.sandbox.redirect-uris", String.class)
            .map(s -> List.of(s.split("\\s*,\\s*")))
            .orElse(List.of()));
  }

  private static int integer(Config config, String name, int defaultValue) {
    return config.getOptionalValue(name, Integer.class).orElse(defaultValue);
  }

  private static long seconds(Config config, String name, long defaultValue) {
    return config.getOptionalValue(name, Long.class).orElse(defaultValue);
  }
}
