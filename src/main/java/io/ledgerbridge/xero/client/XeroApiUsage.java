package io.ledgerbridge.xero.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * This node's Xero API usage for the "API budget" panel (product.md §9): calls by endpoint and
 * status, and the budget Xero reported last, per organisation. In memory, since the node started;
 * the remaining figures are Xero's own (global for the organisation), the call counts are this
 * node's.
 */
public final class XeroApiUsage {

  /** Calls to one endpoint ({@code PUT Invoices}) that ended with one status (0: no answer). */
  public record EndpointCalls(String endpoint, int status, long calls) {}

  /**
   * One organisation's usage.
   *
   * @param minuteRemaining calls left this minute as Xero last said (null before the first call)
   * @param dayRemaining calls left today as Xero last said
   * @param observedAt when Xero said so
   * @param rateLimitedBy 429s by the limit Xero named (minute, day, appminute, concurrent)
   */
  public record Snapshot(
      String tenantId,
      Integer minuteRemaining,
      Integer dayRemaining,
      Integer appMinuteRemaining,
      Instant observedAt,
      long calls,
      long rateLimited,
      long retries,
      Map<String, Long> rateLimitedBy,
      List<EndpointCalls> byEndpoint) {

    /** Calls by endpoint, all statuses together. */
    public Map<String, Long> callsByEndpoint() {
      Map<String, Long> sums = new java.util.TreeMap<>();
      byEndpoint.forEach(e -> sums.merge(e.endpoint(), e.calls(), Long::sum));
      return sums;
    }
  }

  private static final class Tenant {
    final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    final LongAdder retries = new LongAdder();
    final Map<String, LongAdder> limitedBy = new ConcurrentHashMap<>();
    volatile Integer minute;
    volatile Integer day;
    volatile Integer app;
    volatile Instant observedAt;
  }

  private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();

  /** Records one call's end: its answer's status (0: none) and remaining-headers (may be null). */
  public void record(
      String tenantId,
      String endpoint,
      int status,
      Integer minute,
      Integer day,
      Integer appMinute,
      Instant at) {
    Tenant tenant = tenants.computeIfAbsent(tenantId, t -> new Tenant());
    tenant.counts.computeIfAbsent(endpoint + "\n" + status, k -> new LongAdder()).increment();
    if (minute != null || day != null) {
      synchronized (tenant) {
        if (tenant.observedAt == null || !at.isBefore(tenant.observedAt)) {
          tenant.minute = minute;
          tenant.day = day;
          tenant.app = appMinute;
          tenant.observedAt = at;
        }
      }
    }
  }

  /** Records which limit a 429 named ({@code X-Rate-Limit-Problem}: minute, day, …). */
  public void recordRateLimited(String tenantId, String problem) {
    tenants
        .computeIfAbsent(tenantId, t -> new Tenant())
        .limitedBy
        .computeIfAbsent(problem == null ? "unnamed" : problem, k -> new LongAdder())
        .increment();
  }

  /** Records that a request is being sent again (after a 5xx, time-out, 429 or 401). */
  public void recordRetry(String tenantId) {
    tenants.computeIfAbsent(tenantId, t -> new Tenant()).retries.increment();
  }

  public Snapshot snapshot(String tenantId) {
    Tenant tenant = tenants.get(tenantId);
    if (tenant == null) {
      return new Snapshot(tenantId, null, null, null, null, 0, 0, 0, Map.of(), List.of());
    }
    List<EndpointCalls> byEndpoint = new ArrayList<>();
    long calls = 0;
    long limited = 0;
    for (Map.Entry<String, LongAdder> e : tenant.counts.entrySet()) {
      int newline = e.getKey().lastIndexOf('\n');
      int status = Integer.parseInt(e.getKey().substring(newline + 1));
      long n = e.getValue().sum();
      byEndpoint.add(new EndpointCalls(e.getKey().substring(0, newline), status, n));
      calls += n;
      if (status == 429) {
        limited += n;
      }
    }
    byEndpoint.sort(
        Comparator.comparing(EndpointCalls::endpoint).thenComparing(EndpointCalls::status));
    synchronized (tenant) {
      return new Snapshot(
          tenantId,
          tenant.minute,
          tenant.day,
          tenant.app,
          tenant.observedAt,
          calls,
          limited,
          tenant.retries.sum(),
          limitedBy(tenant),
          List.copyOf(byEndpoint));
    }
  }

  private static Map<String, Long> limitedBy(Tenant tenant) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    tenant.limitedBy.forEach((problem, n) -> counts.put(problem, n.sum()));
    return java.util.Collections.unmodifiableMap(counts);
  }

  /** The organisations this node has called. */
  public List<String> tenants() {
    return tenants.keySet().stream().sorted().toList();
  }
}
