package io.ledgerbridge.intake.boundary;

import io.ledgerbridge.intake.control.Importability;
import io.ledgerbridge.intake.entity.ImportState;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.intake.entity.SourceTransaction;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Read side of intake: the paged, filtered lists and the detail of one transaction. Paging happens
 * in the database (LIMIT/OFFSET over the kind+date indexes), so lists stay fast with hundreds of
 * thousands of rows.
 *
 * <p>Readiness ({@link Readiness}, {@link #readiness}) is the exception: the import rules are Java,
 * so the waiting transactions matching the rest of the filter are read in pages of {@value
 * #READINESS_PAGE} and judged with one {@link Importability.Context} per page (a few queries each,
 * not a few per transaction).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TransactionQueries {

  public static final int MAX_PAGE_SIZE = 500;

  static final int READINESS_PAGE = 1_000;

  private static final String SUMMARY =
      "SELECT NEW io.ledgerbridge.intake.boundary.TransactionSummary(t.id, t.kind, t.sourceId,"
          + " t.sourceVersion, t.number, t.reference, t.contactCode, t.contactName, t.date,"
          + " t.dueDate, t.currency, t.total, t.state, t.branch, t.channel, t.lineCount,"
          + " t.voided, t.updatedAt) FROM SourceTransaction t";

  private static final List<ImportState> WAITING =
      Arrays.stream(ImportState.values()).filter(Importability::isWaiting).toList();

  @PersistenceContext private EntityManager em;
  @Inject private Importability.ContextSource contexts;

  public Page<TransactionSummary> search(TransactionFilter filter, int page, int size, Sort sort) {
    int pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
    int pageNumber = Math.max(1, page);
    if (filter.readiness() != null) {
      return searchByReadiness(filter, pageNumber, pageSize, sort == null ? Sort.DEFAULT : sort);
    }
    Map<String, Object> parameters = new HashMap<>();
    String where = where(filter, parameters);
    TypedQuery<Long> count =
        em.createQuery("SELECT COUNT(t) FROM SourceTransaction t" + where, Long.class);
    parameters.forEach(count::setParameter);
    long total = count.getSingleResult();
    TypedQuery<TransactionSummary> rows =
        em.createQuery(
            SUMMARY + where + (sort == null ? Sort.DEFAULT : sort).orderBy(),
            TransactionSummary.class);
    parameters.forEach(rows::setParameter);
    long first = (long) (pageNumber - 1) * pageSize;
    if (first >= Integer.MAX_VALUE) {
      return new Page<>(List.of(), pageNumber, pageSize, total);
    }
    List<TransactionSummary> items =
        rows.setFirstResult((int) first).setMaxResults(pageSize).getResultList();
    return new Page<>(items, pageNumber, pageSize, total);
  }

  /**
   * The value of each of these stock adjustments, in base currency: the net of its line costs
   * (negative: stock out), or for a transfer — which nets to zero — the value moved (the sum of its
   * positive lines).
   */
  public Map<Long, BigDecimal> adjustmentValues(java.util.Collection<Long> ids) {
    Map<Long, BigDecimal> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (Object[] row :
        em.createQuery(
                "SELECT l.transaction.id, SUM(COALESCE(l.costAmount, l.unitCost * l.quantity)),"
                    + " SUM(CASE WHEN COALESCE(l.costAmount, l.unitCost * l.quantity) > 0"
                    + " THEN COALESCE(l.costAmount, l.unitCost * l.quantity) ELSE 0 END)"
                    + " FROM TransactionLine l WHERE l.transaction.id IN :ids"
                    + " GROUP BY l.transaction.id",
                Object[].class)
            .setParameter("ids", ids)
            .getResultList()) {
      BigDecimal net = row[1] == null ? BigDecimal.ZERO : (BigDecimal) row[1];
      BigDecimal in = row[2] == null ? BigDecimal.ZERO : (BigDecimal) row[2];
      out.put((Long) row[0], net.signum() == 0 ? in : net);
    }
    return out;
  }

  /** The ids of the transactions matching the filter, in the list's default order; at most max. */
  public List<Long> ids(TransactionFilter filter, int max) {
    if (filter.readiness() != null) {
      List<Long> ids = idsByReadiness(filter, Sort.DEFAULT);
      return ids.subList(0, Math.min(max, ids.size()));
    }
    Map<String, Object> parameters = new HashMap<>();
    TypedQuery<Long> rows =
        em.createQuery(
            "SELECT t.id FROM SourceTransaction t"
                + where(filter, parameters)
                + Sort.DEFAULT.orderBy(),
            Long.class);
    parameters.forEach(rows::setParameter);
    return rows.setMaxResults(max).getResultList();
  }

  /**
   * Source id → transaction id for those of these source ids that exist (of one kind). The lookup
   * is a row-value {@code (kind, source_id) IN ((?, ?), …)} so that both H2 and PostgreSQL seek the
   * unique key for each pair: H2 answers {@code kind = ? AND source_id IN (…)} from the key's first
   * column alone, scanning every transaction of the kind (intake slowed as the table grew).
   */
  public Map<String, Long> idsBySource(Kind kind, java.util.Collection<String> sourceIds) {
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    List<String> all = List.copyOf(new java.util.LinkedHashSet<>(sourceIds));
    for (int from = 0; from < all.size(); from += 500) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
      StringBuilder sql =
          new StringBuilder(
              "SELECT source_id, id FROM source_transaction WHERE (kind, source_id) IN (");
      for (int i = 0; i < chunk.size(); i++) {
        sql.append(i == 0 ? "" : ", ")
            .append("(?")
            .append(2 * i + 1)
            .append(", ?")
            .append(2 * i + 2)
            .append(')');
      }
      var query = em.createNativeQuery(sql.append(')').toString());
      for (int i = 0; i < chunk.size(); i++) {
        query.setParameter(2 * i + 1, kind.name()).setParameter(2 * i + 2, chunk.get(i));
      }
      for (Object row : query.getResultList()) {
        Object[] columns = (Object[]) row;
        out.put((String) columns[0], ((Number) columns[1]).longValue());
      }
    }
    return out;
  }

  /**
   * The waiting transactions matching the filter (its readiness aside), counted per kind: how many
   * are ready to import and what blocks the others. Kinds without any waiting are left out.
   */
  public Map<Kind, ReadinessTally> readiness(TransactionFilter filter) {
    Map<Kind, ReadinessTally> out = new EnumMap<>(Kind.class);
    judgeWaiting(
        filter,
        (row, reasons) -> out.computeIfAbsent(row.kind(), k -> new ReadinessTally()).add(reasons));
    return out;
  }

  private Page<TransactionSummary> searchByReadiness(
      TransactionFilter filter, int pageNumber, int pageSize, Sort sort) {
    List<Long> ids = idsByReadiness(filter, sort);
    long first = (long) (pageNumber - 1) * pageSize;
    if (first >= ids.size()) {
      return new Page<>(List.of(), pageNumber, pageSize, ids.size());
    }
    List<Long> slice = ids.subList((int) first, (int) Math.min(ids.size(), first + pageSize));
    Map<Long, TransactionSummary> byId = new HashMap<>();
    em.createQuery(SUMMARY + " WHERE t.id IN :ids", TransactionSummary.class)
        .setParameter("ids", slice)
        .getResultList()
        .forEach(row -> byId.put(row.id(), row));
    List<TransactionSummary> items =
        slice.stream().map(byId::get).filter(Objects::nonNull).toList();
    return new Page<>(items, pageNumber, pageSize, ids.size());
  }

  /**
   * The ids of the waiting transactions matching the filter and its readiness, in this order: the
   * rules pick the ids, then one query of ids alone puts them in the list's order.
   */
  private List<Long> idsByReadiness(TransactionFilter filter, Sort sort) {
    Set<Long> matching = new HashSet<>();
    judgeWaiting(
        filter,
        (row, reasons) -> {
          if (filter.readiness().matches(reasons)) {
            matching.add(row.id());
          }
        });
    if (matching.isEmpty()) {
      return List.of();
    }
    Map<String, Object> parameters = new HashMap<>();
    TypedQuery<Long> ordered =
        em.createQuery(
            "SELECT t.id FROM SourceTransaction t" + where(filter, parameters) + sort.orderBy(),
            Long.class);
    parameters.forEach(ordered::setParameter);
    List<Long> out = new ArrayList<>(matching.size());
    for (Long id : ordered.getResultList()) {
      if (matching.contains(id)) {
        out.add(id);
      }
    }
    return out;
  }

  /**
   * Every waiting transaction matching the filter (its readiness aside) with the reasons against
   * it, read in pages by id.
   */
  private void judgeWaiting(
      TransactionFilter filter, BiConsumer<TransactionSummary, List<Importability.Reason>> to) {
    Map<String, Object> parameters = new HashMap<>();
    String where = where(filter.withReadiness(Readiness.BLOCKED), parameters);
    long after = Long.MIN_VALUE;
    while (true) {
      TypedQuery<TransactionSummary> query =
          em.createQuery(
              SUMMARY + where + " AND t.id > :after ORDER BY t.id", TransactionSummary.class);
      parameters.forEach(query::setParameter);
      List<TransactionSummary> rows =
          query.setParameter("after", after).setMaxResults(READINESS_PAGE).getResultList();
      if (rows.isEmpty()) {
        return;
      }
      Importability.Context context =
          contexts.contextFor(rows.stream().map(TransactionSummary::facts).toList());
      for (TransactionSummary row : rows) {
        to.accept(row, Importability.reasons(row.facts(), context));
      }
      if (rows.size() < READINESS_PAGE) {
        return;
      }
      after = rows.get(rows.size() - 1).id();
    }
  }

  private static String where(TransactionFilter f, Map<String, Object> parameters) {
    StringBuilder where = new StringBuilder();
    if (f.readiness() != null) {
      // Only waiting transactions are ready or blocked; the rules then decide which.
      clause(where, "t.state IN :waiting");
      parameters.put("waiting", WAITING);
    }
    if (f.kind() != null) {
      clause(where, "t.kind = :kind");
      parameters.put("kind", f.kind());
    }
    if (f.state() != null) {
      clause(where, "t.state = :state");
      parameters.put("state", f.state());
    }
    if (f.from() != null) {
      clause(where, "t.date >= :from");
      parameters.put("from", f.from());
    }
    if (f.to() != null) {
      clause(where, "t.date <= :to");
      parameters.put("to", f.to());
    }
    if (notBlank(f.branch())) {
      clause(where, "t.branch = :branch");
      parameters.put("branch", f.branch().trim());
    }
    if (notBlank(f.contact())) {
      clause(
          where,
          "(t.contactCode = :contactCode OR LOWER(t.contactName) LIKE :contactName ESCAPE '\\')");
      parameters.put("contactCode", f.contact().trim());
      parameters.put("contactName", like(f.contact()));
    }
    if (notBlank(f.text())) {
      clause(where, "t.searchText LIKE :text ESCAPE '\\'");
      parameters.put("text", like(f.text()));
    }
    return where.toString();
  }

  private static void clause(StringBuilder where, String clause) {
    where.append(where.length() == 0 ? " WHERE " : " AND ").append(clause);
  }

  private static boolean notBlank(String text) {
    return text != null && !text.isBlank();
  }

  static String like(String text) {
    String escaped =
        text.trim()
            .toLowerCase(Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return "%" + escaped + "%";
  }

  /** One transaction with its lines, or empty. */
  public Optional<SourceTransaction> find(Kind kind, String sourceId) {
    return em
        .createQuery(
            "SELECT DISTINCT t FROM SourceTransaction t LEFT JOIN FETCH t.lines"
                + " WHERE t.kind = :kind AND t.sourceId = :sourceId",
            SourceTransaction.class)
        .setParameter("kind", kind)
        .setParameter("sourceId", sourceId)
        .getResultList()
        .stream()
        .findFirst();
  }

  /** How many transactions of each kind are in each state: the home page's table. */
  public Map<Kind, Map<ImportState, Long>> countsByKindAndState() {
    Map<Kind, Map<ImportState, Long>> counts = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      counts.put(kind, new EnumMap<>(ImportState.class));
    }
    for (Object[] row :
        em.createQuery(
                "SELECT t.kind, t.state, COUNT(t) FROM SourceTransaction t"
                    + " GROUP BY t.kind, t.state",
                Object[].class)
            .getResultList()) {
      counts.get((Kind) row[0]).put((ImportState) row[1], (Long) row[2]);
    }
    return counts;
  }

  /** The branches seen for a kind, for the branch filter. */
  public List<String> branches(Kind kind) {
    return em.createQuery(
            "SELECT DISTINCT t.branch FROM SourceTransaction t"
                + " WHERE t.kind = :kind AND t.branch IS NOT NULL ORDER BY t.branch",
            String.class)
        .setParameter("kind", kind)
        .setMaxResults(200)
        .getResultList();
  }
}
