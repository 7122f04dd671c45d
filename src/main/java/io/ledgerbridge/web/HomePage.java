package io.ledgerbridge.web;

import io.ledgerbridge.contacts.boundary.ContactMatching;
import io.ledgerbridge.intake.boundary.Blocker;
import io.ledgerbridge.intake.boundary.Readiness;
import io.ledgerbridge.intake.boundary.ReadinessTally;
import io.ledgerbridge.intake.boundary.TransactionFilter;
import io.ledgerbridge.intake.boundary.TransactionQueries;
import io.ledgerbridge.intake.control.Importability;
import io.ledgerbridge.intake.entity.ImportState;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.settings.boundary.SettingsService;
import io.ledgerbridge.xero.boundary.XeroConnections;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/**
 * The home page: the "Getting started" checklist until setup is complete, how many transactions of
 * each kind are in each state, and of those waiting how many are ready to import and what blocks
 * the others.
 */
@Named
@RequestScoped
public class HomePage {

  /** One row of the table: a kind and its count per state. */
  public record Row(Kind kind, Map<ImportState, Long> counts, long total) {
    public long count(ImportState state) {
      return counts.getOrDefault(state, 0L);
    }

    long waiting() {
      return counts.entrySet().stream()
          .filter(e -> Importability.isWaiting(e.getKey()))
          .mapToLong(Map.Entry::getValue)
          .sum();
    }

    long inXero() {
      return counts.entrySet().stream()
          .filter(e -> e.getKey().isInXero())
          .mapToLong(Map.Entry::getValue)
          .sum();
    }
  }

  /** A kind with transactions waiting: how many are ready, and what blocks the rest. */
  public record ReadinessRow(Kind kind, ReadinessTally tally) {}

  /**
   * The seeded settings row (migration V6) has version 1; every save that changes something raises
   * it.
   */
  private static final long SEEDED_SETTINGS_VERSION = 1;

  @Inject private TransactionQueries queries;
  @Inject private XeroConnections connections;
  @Inject private SettingsService settings;
  @Inject private ContactMatching contacts;

  private List<Row> rows;
  private List<ReadinessRow> readiness;
  private SetupChecklist checklist;
  private String importKind;

  @PostConstruct
  void load() {
    rows =
        queries.countsByKindAndState().entrySet().stream()
            .filter(e -> e.getKey().received()) // COGS journals have their own page
            .map(
                e ->
                    new Row(
                        e.getKey(),
                        e.getValue(),
                        e.getValue().values().stream().mapToLong(Long::longValue).sum()))
            .toList();
    readiness =
        queries.readiness(TransactionFilter.of(null)).entrySet().stream()
            .filter(e -> e.getKey().received())
            .map(e -> new ReadinessRow(e.getKey(), e.getValue()))
            .toList();
    SettingsService.View view = settings.view();
    checklist =
        SetupChecklist.of(
            new SetupChecklist.Facts(
                connections.target().isPresent(),
                view.referenceDownloaded(),
                view.version() > SEEDED_SETTINGS_VERSION,
                view.problems().size() + settings.gaps().size(),
                contacts.waitingWithoutLink(),
                rows.stream().mapToLong(Row::inXero).sum()));
    // Stock adjustments are not imported by this version, so the step opens a document kind.
    importKind =
        rows.stream()
            .filter(r -> r.kind() != Kind.STOCK_ADJUSTMENT && r.waiting() > 0)
            .map(Row::kind)
            .findFirst()
            .orElse(Kind.SALE)
            .urlName();
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

  /** The kinds with transactions waiting, in table order, each with its tally. */
  public List<ReadinessRow> getReadiness() {
    return readiness;
  }

  /** The {@code readiness} parameter of the list of those ready to import. */
  public String getReady() {
    return Readiness.READY.urlName();
  }

  /** The {@code readiness} parameter of the list of those blocked by this category. */
  public String blockedBy(Blocker blocker) {
    return Readiness.blockedBy(blocker).urlName();
  }

  public SetupChecklist getChecklist() {
    return checklist;
  }

  /** The list the "First import" step opens: the first document kind with transactions waiting. */
  public String getImportKind() {
    return importKind;
  }
}
