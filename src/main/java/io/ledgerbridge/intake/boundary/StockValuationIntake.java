package io.ledgerbridge.intake.boundary;

import io.ledgerbridge.intake.control.FieldError;
import io.ledgerbridge.intake.control.IncomingValuation;
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
 * Receives a request's worth of read and checked stock valuations. A request holds a few (one per
 * month end), so each is stored in its own transaction, retried when another request stored the
 * same source id at the same moment ({@link IntakeService#isConflict}). Invalid items are reported
 * and stored nowhere.
 */
@ApplicationScoped
public class StockValuationIntake {

  private static final Logger LOG = Logger.getLogger(StockValuationIntake.class.getName());
  private static final int ATTEMPTS = 4;

  @Inject private StockValuationStore store;

  public List<ItemResult> receive(List<IncomingValuation> items, String sender) {
    List<ItemResult> results = new ArrayList<>(items.size());
    Map<ItemResult.Outcome, Integer> counts = new EnumMap<>(ItemResult.Outcome.class);
    for (IncomingValuation item : items) {
      ItemResult result =
          item.isValid()
              ? store(item, sender)
              : result(item, ItemResult.Outcome.REJECTED, item.errors());
      counts.merge(result.outcome(), 1, Integer::sum);
      results.add(result);
    }
    LOG.log(
        Level.INFO,
        "Stock valuations from {0}: {1} valuations, {2}",
        new Object[] {sender, items.size(), counts});
    return results;
  }

  private ItemResult store(IncomingValuation item, String sender) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return result(item, store.store(item, sender), List.of());
      } catch (EJBException | PersistenceException e) {
        if (!IntakeService.isConflict(e)) {
          LOG.log(Level.SEVERE, "Intake could not store stock valuations", e);
          throw new BusinessException.Unavailable(
              "The database is not available, so this request could not be stored (some of its"
                  + " valuations may have been). Send it again later: versions make a repeat"
                  + " safe.");
        }
        LOG.log(
            Level.FINE,
            "Storing valuation {0} met a concurrent change on attempt {1}",
            new Object[] {item.sourceId(), attempt});
      }
    }
    return result(
        item,
        ItemResult.Outcome.REJECTED,
        List.of(
            new FieldError(
                "sourceId",
                "could not be stored because other requests kept changing it; send it again")));
  }

  private static ItemResult result(
      IncomingValuation item, ItemResult.Outcome outcome, List<FieldError> errors) {
    String sourceId = item.sourceId();
    return new ItemResult(
        item.index(),
        null,
        sourceId == null || sourceId.length() <= 200 ? sourceId : sourceId.substring(0, 200) + "…",
        outcome,
        errors);
  }
}
