package io.ledgerbridge.xero.client;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link XeroRateGovernor} per organisation (tenant id), shared by every thread of the node.
 */
public final class XeroGovernors {

  private final XeroClientSettings settings;
  private final Clock clock;
  private final Map<String, XeroRateGovernor> byTenant = new ConcurrentHashMap<>();

  public XeroGovernors(XeroClientSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  public XeroGovernors(XeroClientSettings settings) {
    this(settings, Clock.systemUTC());
  }

  public XeroRateGovernor forTenant(String tenantId) {
    return byTenant.computeIfAbsent(tenantId, t -> new XeroRateGovernor(t, settings, clock));
  }
}
