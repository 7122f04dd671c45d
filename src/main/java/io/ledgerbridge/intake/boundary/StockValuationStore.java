package io.ledgerbridge.intake.boundary;

import io.ledgerbridge.intake.control.IncomingValuation;
import io.ledgerbridge.intake.entity.StockValuation;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Writes one validated stock valuation. The stored row is read with a write lock, so two requests
 * carrying the same source id are applied one after the other and the version rule holds; a
 * concurrent first insert of the same id fails on the unique key and the caller retries.
 */
@Stateless
public class StockValuationStore {

  @PersistenceContext private EntityManager em;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public ItemResult.Outcome store(IncomingValuation item, String sender) {
    Instant now = Instant.now();
    StockValuation existing =
        em
            .createQuery(
                "SELECT v FROM StockValuation v WHERE v.sourceId = :sourceId", StockValuation.class)
            .setParameter("sourceId", item.sourceId())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList()
            .stream()
            .findFirst()
            .orElse(null);
    ItemResult.Outcome outcome;
    if (existing == null) {
      em.persist(
          StockValuation.receive(item.sourceId(), item.version(), item.content(), sender, now));
      outcome = ItemResult.Outcome.CREATED;
    } else {
      outcome =
          existing.receiveVersion(item.version(), item.content(), sender, now)
              ? ItemResult.Outcome.UPDATED
              : ItemResult.Outcome.UNCHANGED;
    }
    em.flush();
    return outcome;
  }
}
