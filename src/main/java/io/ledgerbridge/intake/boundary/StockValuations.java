package io.ledgerbridge.intake.boundary;

import io.ledgerbridge.intake.entity.StockValuation;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Read side of stock valuations, for the periodic closing-stock journal (inventory-accounting.md
 * §3.3) and the API. Several source ids may value the same day; the one received last counts.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class StockValuations {

  private static final String ORDER = " ORDER BY v.asAt, v.receivedAt, v.id";

  @PersistenceContext private EntityManager em;

  /** The valuation as at exactly this day: of several, the one received last. */
  public Optional<StockValuationView> at(LocalDate asAt) {
    return em
        .createQuery(
            "SELECT v FROM StockValuation v WHERE v.asAt = :asAt"
                + " ORDER BY v.receivedAt DESC, v.id DESC",
            StockValuation.class)
        .setParameter("asAt", asAt)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst()
        .map(StockValuations::view);
  }

  /**
   * Every stored valuation with {@code from ≤ asAt ≤ to} (either bound null for none), in asAt
   * order and, within a day, in the order received.
   */
  public List<StockValuationView> between(LocalDate from, LocalDate to) {
    return stored(from, to).stream().map(StockValuations::view).toList();
  }

  /**
   * The entities behind {@link #between}, with their locations loaded: everything that was sent,
   * for the API.
   */
  public List<StockValuation> stored(LocalDate from, LocalDate to) {
    String where =
        from == null && to == null
            ? ""
            : " WHERE "
                + (from == null ? "" : "v.asAt >= :from")
                + (from != null && to != null ? " AND " : "")
                + (to == null ? "" : "v.asAt <= :to");
    TypedQuery<StockValuation> query =
        em.createQuery("SELECT v FROM StockValuation v" + where + ORDER, StockValuation.class);
    if (from != null) {
      query.setParameter("from", from);
    }
    if (to != null) {
      query.setParameter("to", to);
    }
    List<StockValuation> found = query.getResultList();
    found.forEach(v -> v.getLocations().size());
    return found;
  }

  static StockValuationView view(StockValuation v) {
    return new StockValuationView(
        v.getSourceId(),
        v.getSourceVersion(),
        v.getAsAt(),
        v.getCurrency(),
        v.getMethod(),
        v.getTotal(),
        v.getInTransit(),
        v.getLocations());
  }
}
