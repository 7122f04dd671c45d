package io.ledgerbridge.intake.boundary;

import io.ledgerbridge.intake.control.IncomingTransaction;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.intake.entity.SourceTransaction;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes validated transactions. Existing rows are read with a write lock, so two requests carrying
 * the same source id are applied one after the other and the version rule holds; a concurrent first
 * insert of the same id fails on the unique key and the caller retries that item alone.
 */
@Stateless
public class TransactionStore {

  private static final int IN_CHUNK = 500;

  @PersistenceContext private EntityManager em;
  @Inject private TransactionQueries queries;

  /** Stores all items in one transaction; results by item index. All or nothing. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Map<Integer, SourceTransaction.Outcome> storeAll(List<IncomingTransaction> items) {
    Instant now = Instant.now();
    Map<String, SourceTransaction> known = lockExisting(items);
    Map<Integer, SourceTransaction.Outcome> outcomes = new LinkedHashMap<>();
    for (IncomingTransaction item : items) {
      outcomes.put(item.index(), apply(item, known, now));
    }
    em.flush();
    return outcomes;
  }

  /** Stores one item in its own transaction. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public SourceTransaction.Outcome storeOne(IncomingTransaction item) {
    Map<String, SourceTransaction> known = lockExisting(List.of(item));
    SourceTransaction.Outcome outcome = apply(item, known, Instant.now());
    em.flush();
    return outcome;
  }

  private SourceTransaction.Outcome apply(
      IncomingTransaction item, Map<String, SourceTransaction> known, Instant now) {
    SourceTransaction existing = known.get(item.key());
    if (existing == null) {
      SourceTransaction created =
          SourceTransaction.receive(
              item.kind(), item.sourceId(), item.version(), item.content(), now);
      em.persist(created);
      known.put(item.key(), created);
      return SourceTransaction.Outcome.CREATED;
    }
    return existing.receiveVersion(item.version(), item.content(), now);
  }

  /**
   * The stored transactions with these items' kinds and source ids, write-locked in id order. Found
   * by the unique key ({@link TransactionQueries#idsBySource}), then locked by primary key.
   */
  private Map<String, SourceTransaction> lockExisting(List<IncomingTransaction> items) {
    Map<String, SourceTransaction> found = new HashMap<>();
    Map<Kind, List<String>> idsByKind =
        items.stream()
            .collect(
                Collectors.groupingBy(
                    IncomingTransaction::kind,
                    Collectors.mapping(IncomingTransaction::sourceId, Collectors.toList())));
    List<Long> ids = new ArrayList<>();
    for (Map.Entry<Kind, List<String>> entry : idsByKind.entrySet()) {
      ids.addAll(queries.idsBySource(entry.getKey(), entry.getValue()).values());
    }
    ids.sort(null);
    for (int from = 0; from < ids.size(); from += IN_CHUNK) {
      em.createQuery(
              "SELECT t FROM SourceTransaction t WHERE t.id IN :ids ORDER BY t.id",
              SourceTransaction.class)
          .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IN_CHUNK)))
          .setLockMode(LockModeType.PESSIMISTIC_WRITE)
          .getResultList()
          .forEach(t -> found.put(t.getKind() + "/" + t.getSourceId(), t));
    }
    return found;
  }
}
