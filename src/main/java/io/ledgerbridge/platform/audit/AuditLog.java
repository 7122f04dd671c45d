package io.ledgerbridge.platform.audit;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Records audit entries in the caller's transaction, so an entry exists exactly when the change
 * does.
 */
@Stateless
public class AuditLog {

  @PersistenceContext private EntityManager em;

  public void record(String actor, String action, String subject, String details) {
    em.persist(
        new AuditEntry(Instant.now(), actor == null ? "system" : actor, action, subject, details));
  }

  public List<AuditEntry> latest(int max) {
    return em.createQuery(
            "SELECT a FROM AuditEntry a ORDER BY a.occurredAt DESC, a.id DESC", AuditEntry.class)
        .setMaxResults(max)
        .getResultList();
  }
}
