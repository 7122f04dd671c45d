package io.ledgerbridge.sandbox.boundary;

import io.ledgerbridge.sandbox.entity.SandboxIdempotency;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Xero's Idempotency-Key store: per app and key, the first request's fingerprint and response, kept
 * for the window (six minutes by default). Errors are stored and replayed too, as at Xero.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SandboxIdempotencyStore {

  /** A stored response and the fingerprint of the request that produced it. */
  public record Stored(String requestHash, int status, String body) {}

  @PersistenceContext private EntityManager em;

  public Optional<Stored> find(String clientId, String key, Instant now) {
    return em
        .createQuery(
            "SELECT i FROM SandboxIdempotency i WHERE i.clientId = :client" + " AND i.key = :key",
            SandboxIdempotency.class)
        .setParameter("client", clientId)
        .setParameter("key", key)
        .getResultList()
        .stream()
        .filter(i -> i.getExpiresAt().isAfter(now))
        .findFirst()
        .map(i -> new Stored(i.getRequestHash(), i.getStatus(), i.getBody()));
  }

  public void store(
      String clientId, String key, String requestHash, int status, String body, Instant expiresAt) {
    var existing =
        em.createQuery(
                "SELECT i FROM SandboxIdempotency i WHERE i.clientId = :client"
                    + " AND i.key = :key",
                SandboxIdempotency.class)
            .setParameter("client", clientId)
            .setParameter("key", key)
            .getResultList();
    if (existing.isEmpty()) {
      em.persist(new SandboxIdempotency(clientId, key, requestHash, status, body, expiresAt));
    } else {
      existing.get(0).replaceWith(requestHash, status, body, expiresAt);
    }
  }

  public void clear() {
    em.createQuery("DELETE FROM SandboxIdempotency i").executeUpdate();
  }
}
