package io.ledgerbridge.web;

import io.ledgerbridge.intake.boundary.TransactionQueries;
import io.ledgerbridge.intake.entity.ImportState;
import io.ledgerbridge.intake.entity.Kind;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/** The home page: how many transactions of each kind are in each state. */
@Named
@RequestScoped
public class HomePage {

  /** One row of the table: a kind and its count per state. */
  public record Row(Kind kind, Map<ImportState, Long> counts, long total) {
    public long count(ImportState state) {
      return counts.getOrDefault(state, 0L);
    }
  }

  @Inject private TransactionQueries queries;

  private List<Row> rows;

  @PostConstruct
  void load() {
    rows =
        queries.countsByKindAndState().entrySet().stream()
            .map(
                e ->
                    new Row(
                        e.getKey(),
                        e.getValue(),
                        e.getValue().values().stream().mapToLong(Long::longValue).sum()))
            .toList();
  }

  public List<Row> getRows() {
    return rows;
  }

  public List<ImportState> getStates() {
    return List.of(ImportState.values());
  }

  public long getTotal() {
    return rows.stream().mapToLong(Row::total).sum();
  }
}
