package io.ledgerbridge.xero.boundary;

import io.ledgerbridge.xero.client.XeroClient;
import io.ledgerbridge.xero.client.XeroTarget;
import io.ledgerbridge.xero.control.ReferenceMapper;
import io.ledgerbridge.xero.control.ReferenceSnapshot;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Downloads the connected organisation's reference data (organisation, accounts, tax rates,
 * tracking categories with their options, currencies: five GETs) and stores it. The calls to Xero
 * run outside any transaction; only the replacement is one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReferenceRefresher {

  @Inject private XeroConnections connections;
  @Inject private XeroClient client;
  @Inject private ReferenceData data;

  /**
   * Refreshes from Xero and returns what was stored.
   *
   * @throws io.ledgerbridge.xero.client.XeroReconnectRequired when Xero is not connected
   */
  public ReferenceSnapshot refresh(String actor) {
    XeroTarget target = connections.requireTarget();
    ReferenceSnapshot snapshot =
        ReferenceMapper.snapshot(
            target.tenantId(),
            client.organisation(target),
            client.accounts(target),
            client.taxRates(target),
            client.trackingCategories(target, true),
            client.currencies(target),
            Instant.now());
    data.replace(snapshot, actor);
    return snapshot;
  }
}
