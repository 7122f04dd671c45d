package io.ledgerbridge.intake.boundary;

import io.ledgerbridge.intake.control.FieldError;
import io.ledgerbridge.intake.control.IncomingTransaction;
import io.ledgerbridge.intake.entity.SourceTransaction;
import io.ledgerbridge.platform.BusinessException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Receives a request's worth of read and validated transactions. Valid items are stored together in
 * one transaction for speed; if that fails (another request inserted one of the same source ids at
 * the same moment), each item is stored on its own, with retries, so one conflict never loses the
 * rest. Invalid items are reported and stored nowhere.
 */
@ApplicationScoped
public class IntakeService {

  private static final Logger LOG = Logger.getLogger(IntakeService.class.getName());
  private static final int ATTEMPTS = 4;

  @Inject private TransactionStore store;

  public List<ItemResult> receive(List<IncomingTransaction> items, String sender) {
    List<IncomingTransaction> valid = items.stream().filter(IncomingTransaction::isValid).toList();
    Map<Integer, SourceTransaction.Outcome> stored = valid.isEmpty() ? Map.of() : storeAll(valid);
    List<ItemResult> results = new ArrayList<>(items.size());
    Map<ItemResult.Outcome, Integer> counts = new EnumMap<>(ItemResult.Outcome.class);
    for (IncomingTransaction item : items) {
      ItemResult result;
      if (!item.isValid()) {
        result = result(item, ItemResult.Outcome.REJECTED, item.errors());
      } else if (stored.containsKey(item.index())) {
        result =
            result(item, ItemResult.Outcome.valueOf(stored.get(item.index()).name()), List.of());
      } else {
        result =
            result(
                item,
                ItemResult.Outcome.REJECTED,
                List.of(
                    new FieldError(
                        "sourceId",
                        "could not be stored because other requests kept changing it; send it again")));
      }
      counts.merge(result.outcome(), 1, Integer::sum);
      results.add(result);
    }
    LOG.log(
        Level.INFO,
        "Intake from {0}: {1} transactions, {2}",
        new Object[] {sender, items.size(), counts});
    return results;
  }

  private Map<Integer, SourceTransaction.Outcome> storeAll(List<IncomingTransaction> valid) {
    try {
      return store.storeAll(valid);
    } catch (EJBException | PersistenceException e) {
      if (!isConflict(e)) {
        throw unavailable(e);
      }
      LOG.log(Level.FINE, "Batch store met a concurrent change; storing items one by one", e);
    }
    Map<Integer, SourceTransaction.Outcome> outcomes = new java.util.HashMap<>();
    for (IncomingTransaction item : valid) {
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        try {
          outcomes.put(item.index(), store.storeOne(item));
          break;
        } catch (EJBException | PersistenceException e) {
          if (!isConflict(e)) {
            throw unavailable(e);
          }
          LOG.log(
              Level.FINE,
              "Storing {0} met a concurrent change on attempt {1}",
              new Object[] {item.key(), attempt});
        }
      }
    }
    return outcomes;
  }

  /**
   * Whether a failure came from another request touching the same rows (a unique key, a lock, a
   * serialisation failure) — worth a retry — rather than from the database being unwell.
   */
  static boolean isConflict(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof jakarta.persistence.OptimisticLockException
          || t instanceof jakarta.persistence.PessimisticLockException
          || t instanceof jakarta.persistence.LockTimeoutException
          || t instanceof jakarta.persistence.EntityExistsException) {
        return true;
      }
      if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // 23: integrity (unique key), 40: rollback/deadlock/serialisation, lock time-outs.
        if (state.startsWith("23")
            || state.startsWith("40")
            || state.equals("HYT00")
            || state.equals("55P03")) {
          return true;
        }
      }
    }
    return false;
  }

  private static BusinessException unavailable(Exception cause) {
    LOG.log(Level.SEVERE, "Intake could not store transactions", cause);
    return new BusinessException.Unavailable(
        "The database is not available, so this request"
            + " could not be stored (some of its transactions may have been). Send it again later:"
            + " versions make a repeat safe.");
  }

  private static ItemResult result(
      IncomingTransaction item, ItemResult.Outcome outcome, List<FieldError> errors) {
    return new ItemResult(
        item.index(),
        item.kind() == null ? shorten(item.kindText()) : item.kind().name(),
        shorten(item.sourceId()),
        outcome,
        errors);
  }

  /** An over-long value is echoed shortened: the caller knows it from its request index. */
  private static String shorten(String text) {
    return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
