package io.ledgerbridge.platform.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records audit entries in the caller's transaction, so an entry exists exactly when the change
 * does; and reads them back, filtered and paged in the database.
 */
@Stateless
public class AuditLog {

  public static final int DEFAULT_PAGE_SIZE = 50;
  public static final int MAX_PAGE_SIZE = 500;

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

  /**
   * The entries matching the filter, newest first. Dates are days in the server's time zone; the
   * page number and size are clamped to 1.. and 1..{@value #MAX_PAGE_SIZE}.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public AuditResults search(AuditFilter filter, int page, int size) {
    int pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
    int pageNumber = Math.max(1, page);
    Map<String, Object> parameters = new HashMap<>();
    String where = where(filter, ZoneId.systemDefault(), parameters);
    TypedQuery<Long> count =
        em.createQuery("SELECT COUNT(a) FROM AuditEntry a" + where, Long.class);
    parameters.forEach(count::setParameter);
    long total = count.getSingleResult();
    long first = (long) (pageNumber - 1) * pageSize;
    if (total == 0 || first >= total) {
      return new AuditResults(List.of(), pageNumber, pageSize, total);
    }
    TypedQuery<AuditEntry> rows =
        em.createQuery(
            "SELECT a FROM AuditEntry a" + where + " ORDER BY a.occurredAt DESC, a.id DESC",
            AuditEntry.class);
    parameters.forEach(rows::setParameter);
    List<AuditEntry> items =
        rows.setFirstResult((int) first).setMaxResults(pageSize).getResultList();
    return new AuditResults(items, pageNumber, pageSize, total);
  }

  /** Every action recorded so far, for the filter's suggestions (at most 500). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<String> actions() {
    return em.createQuery(
            "SELECT DISTINCT a.action FROM AuditEntry a ORDER BY a.action", String.class)
        .setMaxResults(500)
        .getResultList();
  }

  private static String where(AuditFilter f, ZoneId zone, Map<String, Object> parameters) {
    StringBuilder where = new StringBuilder();
    if (f.actor() != null) {
      clause(where, "a.actor = :actor");
      parameters.put("actor", f.actor());
    }
    if (f.action() != null && f.actionPrefix()) {
      clause(where, "a.action LIKE :action ESCAPE '\\'");
      parameters.put("action", f.actionPattern());
    } else if (f.action() != null) {
      clause(where, "a.action = :action");
      parameters.put("action", f.action());
    }
    if (f.subject() != null) {
      clause(where, "LOWER(a.subject) LIKE :subject ESCAPE '\\'");
      parameters.put("subject", f.subjectPattern());
    }
    if (f.from() != null) {
      clause(where, "a.occurredAt >= :start");
      parameters.put("start", f.start(zone));
    }
    if (f.to() != null) {
      clause(where, "a.occurredAt < :end");
      parameters.put("end", f.end(zone));
    }
    return where.toString();
  }

  private static void clause(StringBuilder where, String clause) {
    where.append(where.length() == 0 ? " WHERE " : " AND ").append(clause);
  }
}
