package io.ledgerbridge.xero.boundary;

import io.ledgerbridge.platform.audit.AuditLog;
import io.ledgerbridge.xero.control.ReferenceSnapshot;
import io.ledgerbridge.xero.entity.XeroAccount;
import io.ledgerbridge.xero.entity.XeroCurrency;
import io.ledgerbridge.xero.entity.XeroOrganisation;
import io.ledgerbridge.xero.entity.XeroTaxRate;
import io.ledgerbridge.xero.entity.XeroTrackingCategory;
import io.ledgerbridge.xero.entity.XeroTrackingOption;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The organisation's reference data as last downloaded: stored per organisation, replaced as a
 * whole in one transaction (readers never see half a refresh), read by the pages and by settings
 * validation.
 */
@Stateless
public class ReferenceData {

  private static final List<Class<?>> ROWS =
      List.of(
          XeroAccount.class,
          XeroTaxRate.class,
          XeroTrackingCategory.class,
          XeroTrackingOption.class,
          XeroCurrency.class);

  @PersistenceContext private EntityManager em;
  @Inject private AuditLog audit;

  /** Replaces everything stored for the snapshot's organisation. */
  public void replace(ReferenceSnapshot snapshot, String actor) {
    String tenant = snapshot.tenantId();
    for (Class<?> row : ROWS) {
      em.createQuery("DELETE FROM " + row.getSimpleName() + " r WHERE r.tenantId = :tenant")
          .setParameter("tenant", tenant)
          .executeUpdate();
    }
    em.merge(snapshot.organisation());
    snapshot.accounts().forEach(em::persist);
    snapshot.taxRates().forEach(em::persist);
    snapshot.trackingCategories().forEach(em::persist);
    snapshot.trackingOptions().forEach(em::persist);
    snapshot.currencies().forEach(em::persist);
    audit.record(
        actor,
        "xero.reference.refreshed",
        snapshot.organisation().getName(),
        snapshot.accounts().size()
            + " accounts, "
            + snapshot.taxRates().size()
            + " tax rates, "
            + snapshot.trackingCategories().size()
            + " tracking categories, "
            + snapshot.currencies().size()
            + " currencies");
  }

  public Optional<XeroOrganisation> organisation(String tenantId) {
    return Optional.ofNullable(em.find(XeroOrganisation.class, tenantId));
  }

  public List<XeroAccount> accounts(String tenantId) {
    return em.createQuery(
            "SELECT a FROM XeroAccount a WHERE a.tenantId = :tenant ORDER BY a.code, a.name",
            XeroAccount.class)
        .setParameter("tenant", tenantId)
        .getResultList();
  }

  public Optional<XeroAccount> accountByCode(String tenantId, String code) {
    return em.createQuery(
            "SELECT a FROM XeroAccount a WHERE a.tenantId = :tenant AND a.code = :code",
            XeroAccount.class)
        .setParameter("tenant", tenantId)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  public List<XeroTaxRate> taxRates(String tenantId) {
    return em.createQuery(
            "SELECT t FROM XeroTaxRate t WHERE t.tenantId = :tenant ORDER BY t.name",
            XeroTaxRate.class)
        .setParameter("tenant", tenantId)
        .getResultList();
  }

  public Optional<XeroTaxRate> taxRate(String tenantId, String taxType) {
    return em.createQuery(
            "SELECT t FROM XeroTaxRate t WHERE t.tenantId = :tenant AND t.taxType = :type",
            XeroTaxRate.class)
        .setParameter("tenant", tenantId)
        .setParameter("type", taxType)
        .getResultStream()
        .findFirst();
  }

  public List<XeroTrackingCategory> trackingCategories(String tenantId) {
    return em.createQuery(
            "SELECT c FROM XeroTrackingCategory c WHERE c.tenantId = :tenant ORDER BY c.name",
            XeroTrackingCategory.class)
        .setParameter("tenant", tenantId)
        .getResultList();
  }

  public List<XeroTrackingOption> trackingOptions(String tenantId) {
    return em.createQuery(
            "SELECT o FROM XeroTrackingOption o WHERE o.tenantId = :tenant ORDER BY o.name",
            XeroTrackingOption.class)
        .setParameter("tenant", tenantId)
        .getResultList();
  }

  public List<XeroCurrency> currencies(String tenantId) {
    return em.createQuery(
            "SELECT c FROM XeroCurrency c WHERE c.tenantId = :tenant ORDER BY c.code",
            XeroCurrency.class)
        .setParameter("tenant", tenantId)
        .getResultList();
  }
}
