package io.ledgerbridge.sandbox.control;

import io.ledgerbridge.platform.JsonFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;
import java.util.Set;

/**
 * Fault injection and limit overrides for one sandbox organisation, set from the console: a share
 * of calls (in percent) answering 500 or 503, added latency, a share of successful writes that take
 * effect but answer a 5xx or drop the connection ("commit then fail"), and per-organisation
 * minute/day/concurrent limits that win over the configured ones (null: the configured one).
 */
public record OrgFaults(
    int error500Percent,
    int error503Percent,
    int latencyMs,
    int commitThenFailPercent,
    String commitThenFailMode,
    Integer minuteLimit,
    Integer dayLimit,
    Integer concurrentLimit) {

  public static final String COLLECTION = "_Settings";
  public static final String DOC_ID = "faults";
  public static final Set<String> MODES = Set.of("500", "503", "drop");
  public static final OrgFaults NONE = new OrgFaults(0, 0, 0, 0, "500", null, null, null);

  /** Xero's plain-text 5xx bodies. */
  public static final String TEXT_500 = "An unhandled error with the Xero API";

  public static final String TEXT_503 = "The Xero API is temporarily unavailable";

  public OrgFaults {
    error500Percent = percent(error500Percent);
    error503Percent = percent(Math.min(error503Percent, 100 - error500Percent));
    latencyMs = Math.max(0, Math.min(60_000, latencyMs));
    commitThenFailPercent = percent(commitThenFailPercent);
    commitThenFailMode =
        commitThenFailMode == null || !MODES.contains(commitThenFailMode.toLowerCase(Locale.ROOT))
            ? "500"
            : commitThenFailMode.toLowerCase(Locale.ROOT);
    minuteLimit = positive(minuteLimit);
    dayLimit = positive(dayLimit);
    concurrentLimit = positive(concurrentLimit);
  }

  private static int percent(int value) {
    return Math.max(0, Math.min(100, value));
  }

  private static Integer positive(Integer value) {
    return value == null || value <= 0 ? null : value;
  }

  /** The settings with this organisation's limits winning over the configured ones. */
  public SandboxSettings apply(SandboxSettings s) {
    if (minuteLimit == null && dayLimit == null && concurrentLimit == null) {
      return s;
    }
    return new SandboxSettings(
        s.enabled(),
        s.minuteWindow(),
        concurrentLimit != null ? concurrentLimit : s.concurrentLimit(),
        minuteLimit != null ? minuteLimit : s.minuteLimit(),
        dayLimit != null ? dayLimit : s.dayLimit(),
        s.appMinuteLimit(),
        s.accessTokenLifetime(),
        s.refreshTokenLifetime(),
        s.refreshGrace(),
        s.codeLifetime(),
        s.idempotencyWindow(),
        s.extraRedirectUris());
  }

  public boolean active() {
    return !equals(NONE);
  }

  public JsonObject toJson() {
    JsonObjectBuilder json =
        JsonFactory.createObjectBuilder()
            .add("error500Percent", error500Percent)
            .add("error503Percent", error503Percent)
            .add("latencyMs", latencyMs)
            .add("commitThenFailPercent", commitThenFailPercent)
            .add("commitThenFailMode", commitThenFailMode);
    addOrNull(json, "minuteLimit", minuteLimit);
    addOrNull(json, "dayLimit", dayLimit);
    addOrNull(json, "concurrentLimit", concurrentLimit);
    return json.build();
  }

  private static void addOrNull(JsonObjectBuilder json, String name, Integer value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }

  /** Reads the JSON of {@link #toJson()}; fields left out keep their value in {@code base}. */
  public static OrgFaults fromJson(JsonObject json, OrgFaults base) {
    return new OrgFaults(
        integer(json, "error500Percent", base.error500Percent()),
        integer(json, "error503Percent", base.error503Percent()),
        integer(json, "latencyMs", base.latencyMs()),
        integer(json, "commitThenFailPercent", base.commitThenFailPercent()),
        json.containsKey("commitThenFailMode") && !json.isNull("commitThenFailMode")
            ? json.getString("commitThenFailMode")
            : base.commitThenFailMode(),
        nullable(json, "minuteLimit", base.minuteLimit()),
        nullable(json, "dayLimit", base.dayLimit()),
        nullable(json, "concurrentLimit", base.concurrentLimit()));
  }

  private static int integer(JsonObject json, String name, int fallback) {
    return json.get(name) instanceof JsonNumber n ? n.intValue() : fallback;
  }

  private static Integer nullable(JsonObject json, String name, Integer fallback) {
    if (!json.containsKey(name)) {
      return fallback;
    }
    return json.get(name) instanceof JsonNumber n ? n.intValue() : null;
  }
}
