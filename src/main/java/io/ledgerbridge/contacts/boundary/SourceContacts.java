package io.ledgerbridge.contacts.boundary;

import io.ledgerbridge.contacts.control.SourceContact;
import io.ledgerbridge.contacts.entity.LinkState;
import io.ledgerbridge.intake.entity.ImportState;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The source contacts as the received transactions name them (one per code, its latest-sorting name
 * and e-mail), with how many transactions wait for import.
 */
@Stateless
public class SourceContacts {

  /** Not yet in Xero, or changed or failed since: these need their contact linked. */
  static final List<ImportState> WAITING =
      List.of(ImportState.NOT_IMPORTED, ImportState.CHANGED, ImportState.FAILED);

  @PersistenceContext private EntityManager em;

  /** Every source contact, by code, in code order. */
  public Map<String, SourceContact> all() {
    Map<String, Long> waiting = new HashMap<>();
    for (Object[] r :
        em.createQuery(
                "SELECT t.contactCode, COUNT(t) FROM SourceTransaction t"
                    + " WHERE t.contactCode IS NOT NULL AND t.state IN :waiting"
                    + " GROUP BY t.contactCode",
                Object[].class)
            .setParameter("waiting", WAITING)
            .getResultList()) {
      waiting.put((String) r[0], ((Number) r[1]).longValue());
    }
    Map<String, SourceContact> out = new LinkedHashMap<>();
    for (Object[] r :
        em.createQuery(
                "SELECT t.contactCode, MAX(t.contactName), MAX(t.contactEmail)"
                    + " FROM SourceTransaction t WHERE t.contactCode IS NOT NULL"
                    + " GROUP BY t.contactCode ORDER BY t.contactCode",
                Object[].class)
            .getResultList()) {
      String code = (String) r[0];
      out.put(
          code,
          new SourceContact(code, (String) r[1], (String) r[2], waiting.getOrDefault(code, 0L)));
    }
    return out;
  }

  /**
   * How many source contacts have transactions waiting and no usable link (none, or stale) in the
   * organisation {@code tenant}; all with transactions waiting when {@code tenant} is null. One
   * query.
   */
  public long waitingWithoutLink(String tenant) {
    if (tenant == null) {
      return em.createQuery(
              "SELECT COUNT(DISTINCT t.contactCode) FROM SourceTransaction t"
                  + " WHERE t.contactCode IS NOT NULL AND t.state IN :waiting",
              Long.class)
          .setParameter("waiting", WAITING)
          .getSingleResult();
    }
    return em.createQuery(
            "SELECT COUNT(DISTINCT t.contactCode) FROM SourceTransaction t"
                + " WHERE t.contactCode IS NOT NULL AND t.state IN :waiting AND NOT EXISTS"
                + " (SELECT l FROM ContactLink l WHERE l.tenantId = :tenant"
                + " AND l.sourceCode = t.contactCode AND l.state = :linked)",
            Long.class)
        .setParameter("waiting", WAITING)
        .setParameter("tenant", tenant)
        .setParameter("linked", LinkState.LINKED)
        .getSingleResult();
  }

  public Optional<SourceContact> find(String code) {
    return Optional.ofNullable(all().get(code));
  }
}
