package io.ledgerbridge.imports.boundary;

import io.ledgerbridge.imports.boundary.ImportSteps.Family;
import io.ledgerbridge.imports.control.Preview;
import io.ledgerbridge.imports.entity.ImportItem;
import io.ledgerbridge.imports.entity.ImportRun;
import io.ledgerbridge.imports.entity.RunType;
import io.ledgerbridge.imports.entity.XeroDocument;
import io.ledgerbridge.intake.boundary.TransactionFilter;
import io.ledgerbridge.intake.boundary.TransactionQueries;
import io.ledgerbridge.intake.entity.ImportState;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.intake.entity.SourceTransaction;
import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.audit.AuditLog;
import io.ledgerbridge.xero.boundary.XeroConnections;
import io.ledgerbridge.xero.client.BatchResult;
import io.ledgerbridge.xero.client.ElementResult;
import io.ledgerbridge.xero.client.XeroClient;
import io.ledgerbridge.xero.client.XeroTarget;
import io.ledgerbridge.xero.client.wire.CreditNote;
import io.ledgerbridge.xero.client.wire.Invoice;
import io.ledgerbridge.xero.client.wire.ManualJournal;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What people (pages and the REST API) do with imports: preview, start an import or a refresh, set
 * or clear Do Not Import, and the two safe paths for a document approved in Xero — void it and
 * import the change as a new version, or mark it fixed by hand.
 */
@Stateless
@LocalBean
public class ImportService {

  /** The most transactions one import run takes ("everything matching the filter"). */
  public static final int MAX_RUN = 20_000;

  @PersistenceContext private EntityManager em;
  @Inject private ImportRunner runner;
  @Inject private ImportLedger ledger;
  @Inject private ImportPreviews previews;
  @Inject private TransactionQueries queries;
  @Inject private XeroConnections connections;
  @Inject private XeroClient client;
  @Inject private AuditLog audit;

  /** A started run, and the source ids asked for that do not exist. */
  public record Started(ImportRun run, List<String> unknownSourceIds) {}

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Started importSourceIds(
      Kind kind, Collection<String> sourceIds, String actor, String requestBase) {
    requireReceivedKind(kind);
    return importIds(kind, sourceIds, actor, requestBase);
  }

  /**
   * Imports the month journals {@link CogsService} has just planned and stored: the only way a COGS
   * journal is sent, so that a run always starts from a fresh plan (a posted journal is never
   * edited, a change goes into a delta).
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Started importCogsJournals(
      Collection<String> sourceIds, String actor, String requestBase) {
    return importIds(Kind.COGS, sourceIds, actor, requestBase);
  }

  /** As {@link #importCogsJournals}, for the periodic method's closing-stock journals. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Started importClosingStockJournals(
      Collection<String> sourceIds, String actor, String requestBase) {
    return importIds(Kind.CLOSING_STOCK, sourceIds, actor, requestBase);
  }

  private Started importIds(
      Kind kind, Collection<String> sourceIds, String actor, String requestBase) {
    if (sourceIds.isEmpty()) {
      throw new BusinessException("Select at least one transaction to import.");
    }
    if (sourceIds.size() > MAX_RUN) {
      throw new BusinessException("At most " + MAX_RUN + " transactions per import run.");
    }
    Map<String, Long> ids = queries.idsBySource(kind, sourceIds);
    List<String> unknown = sourceIds.stream().filter(s -> !ids.containsKey(s)).distinct().toList();
    if (ids.isEmpty()) {
      throw new BusinessException.NotFound(
          "None of the " + kind.plural().toLowerCase() + " asked for exist.");
    }
    List<Long> ordered = sourceIds.stream().map(ids::get).filter(i -> i != null).toList();
    ImportRun run =
        start(
            RunType.IMPORT,
            kind,
            actor,
            requestBase,
            ordered.size() + " selected " + kind.plural().toLowerCase(),
            ordered);
    return new Started(run, unknown);
  }

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Started importMatching(TransactionFilter filter, String actor, String requestBase) {
    requireReceivedKind(filter.kind());
    List<Long> ids = queries.ids(filter, MAX_RUN + 1);
    if (ids.size() > MAX_RUN) {
      throw new BusinessException(
          "More than " + MAX_RUN + " transactions match; narrow the filter (e.g. by date).");
    }
    if (ids.isEmpty()) {
      throw new BusinessException("No transactions match the filter.");
    }
    ImportRun run =
        start(
            RunType.IMPORT,
            filter.kind(),
            actor,
            requestBase,
            "All "
                + ids.size()
                + " "
                + filter.kind().plural().toLowerCase()
                + " matching "
                + describe(filter),
            ids);
    return new Started(run, List.of());
  }

  /** Refresh from Xero: reads back the status of every document LedgerBridge holds there. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public ImportRun refresh(String actor, String requestBase) {
    XeroTarget target = connections.requireTarget();
    List<Long> ids = ledger.refreshable(target.tenantId());
    return runner.start(
        RunType.REFRESH,
        null,
        target.tenantId(),
        actor,
        requestBase,
        "Refresh of " + ids.size() + " document(s) from Xero",
        ids);
  }

  private ImportRun start(
      RunType type,
      Kind kind,
      String actor,
      String requestBase,
      String description,
      List<Long> ids) {
    XeroTarget target = connections.requireTarget();
    return runner.start(type, kind, target.tenantId(), actor, requestBase, description, ids);
  }

  // ---- one transaction --------------------------------------------------------------------------

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Preview preview(Kind kind, String sourceId, String requestBase) {
    requireDocumentKind(kind);
    SourceTransaction t = find(kind, sourceId);
    XeroTarget target = connections.requireTarget();
    return previews.previews(target.tenantId(), requestBase, List.of(t)).get(0);
  }

  /** The stored transaction's id. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long transactionId(Kind kind, String sourceId) {
    return find(kind, sourceId).getId();
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<XeroDocument> document(long transactionId) {
    return Optional.ofNullable(em.find(XeroDocument.class, transactionId));
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ImportItem> history(long transactionId) {
    return ledger.history(transactionId, 20);
  }

  /** Sets or clears Do Not Import; returns the new state. */
  public ImportState doNotImport(Kind kind, String sourceId, boolean on, String actor) {
    requireReceivedKind(kind);
    SourceTransaction t = lock(kind, sourceId);
    XeroDocument document = em.find(XeroDocument.class, t.getId());
    if (document != null && document.inFlight()) {
      throw new BusinessException.Conflict(
          "An import of this transaction is under way; try again when it has finished.");
    }
    if (on == (t.getState() == ImportState.DO_NOT_IMPORT)) {
      return t.getState();
    }
    t.doNotImport(on, xeroState(t, document));
    audit.record(
        actor,
        on ? "transaction.do-not-import" : "transaction.do-not-import-cleared",
        ImportLedger.subject(kind, sourceId),
        on ? "Marked Do Not Import." : "Do Not Import cleared: now " + t.getState().label() + ".");
    return t.getState();
  }

  private static ImportState xeroState(SourceTransaction t, XeroDocument document) {
    if (document == null || !document.live()) {
      return ImportState.NOT_IMPORTED;
    }
    if (document.approved()) {
      return ImportState.APPROVED_IN_XERO;
    }
    Long synced = document.getSyncedVersion();
    return synced != null && synced >= t.getSourceVersion()
        ? ImportState.IMPORTED
        : ImportState.CHANGED;
  }

  /** The approved document was corrected by hand in Xero for the current source version. */
  public void fixedByHand(Kind kind, String sourceId, String actor) {
    requireReceivedKind(kind);
    SourceTransaction t = lock(kind, sourceId);
    XeroDocument document = em.find(XeroDocument.class, t.getId());
    if (document == null || !document.approved()) {
      throw new BusinessException.Conflict(
          "Only a transaction whose Xero document was approved there can be marked fixed by hand.");
    }
    document.fixedByHand(t.getSourceVersion(), actor, Instant.now());
    audit.record(
        actor,
        "transaction.fixed-by-hand",
        ImportLedger.subject(kind, sourceId),
        "Version "
            + t.getSourceVersion()
            + " marked as fixed by hand in Xero ("
            + document.getXeroNumber()
            + ", "
            + document.getXeroStatus()
            + ").");
  }

  /**
   * Voids the approved document in Xero (when Xero allows it: AUTHORISED, no payments or
   * allocations; an already VOIDED one needs nothing) and starts a run importing the transaction as
   * a new version, numbered with a version suffix.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public ImportRun voidAndReimport(Kind kind, String sourceId, String actor, String requestBase) {
    requireDocumentKind(kind);
    if (!kind.received()) {
      throw new BusinessException(
          "LedgerBridge never voids a posted month journal: run the month again on Stock › COGS,"
              + " and the change goes into a delta journal.");
    }
    SourceTransaction t = find(kind, sourceId);
    XeroDocument document = em.find(XeroDocument.class, t.getId());
    if (document == null || !document.approved()) {
      throw new BusinessException.Conflict(
          "Only a document approved in Xero is voided and imported as a new version; this one is "
              + (document == null || !document.live()
                  ? "not in Xero."
                  : document.getXeroStatus() + "."));
    }
    XeroTarget target = connections.requireTarget();
    Family family = Family.of(document.getXeroType());
    String status = document.getXeroStatus();
    if (!"VOIDED".equals(status)) {
      // Read it now: Xero voids only AUTHORISED documents with nothing paid or allocated, and
      // POSTED journals.
      String now;
      boolean settled = false;
      String voidable = "AUTHORISED";
      switch (family) {
        case CREDIT_NOTES -> {
          CreditNote n =
              client.creditNote(target, document.getXeroId()).orElseThrow(() -> gone(document));
          now = n.status;
          settled =
              n.remainingCredit != null
                  && n.total != null
                  && n.remainingCredit.compareTo(n.total) < 0;
        }
        case MANUAL_JOURNALS -> {
          ManualJournal j =
              client.manualJournal(target, document.getXeroId()).orElseThrow(() -> gone(document));
          now = j.status;
          voidable = "POSTED";
        }
        default -> {
          Invoice i =
              client.invoice(target, document.getXeroId()).orElseThrow(() -> gone(document));
          now = i.status;
          settled = positive(i.amountPaid) || positive(i.amountCredited);
        }
      }
      if (!voidable.equals(now) || settled) {
        throw new BusinessException.Conflict(
            "Xero does not allow voiding "
                + document.getXeroNumber()
                + ": it is "
                + now
                + (settled ? " with payments or credit allocated" : "")
                + ". Fix it by hand in Xero and mark it fixed by hand.");
      }
      List<String> errors = voidInXero(target, family, document.getXeroId());
      if (!errors.isEmpty()) {
        throw new BusinessException.Conflict(
            "Xero refused to void " + document.getXeroNumber() + ": " + String.join(" ", errors));
      }
    }
    ledger.newVersion(t.getId(), actor);
    return runner.start(
        RunType.IMPORT,
        kind,
        target.tenantId(),
        actor,
        requestBase,
        "New version of "
            + kind.singular().toLowerCase()
            + " "
            + sourceId
            + " after voiding "
            + document.getXeroNumber(),
        List.of(t.getId()));
  }

  private static BusinessException gone(XeroDocument document) {
    return new BusinessException.Conflict("Xero no longer has " + document.getXeroNumber() + ".");
  }

  private List<String> voidInXero(XeroTarget target, Family family, String xeroId) {
    BatchResult<?> result;
    if (family == Family.CREDIT_NOTES) {
      CreditNote n = new CreditNote();
      n.creditNoteID = xeroId;
      n.status = "VOIDED";
      result = client.saveCreditNotes(target, List.of(n));
    } else if (family == Family.MANUAL_JOURNALS) {
      // Without lines, Xero keeps the journal's lines and changes only the status.
      ManualJournal j = new ManualJournal();
      j.manualJournalID = xeroId;
      j.status = "VOIDED";
      result = client.saveManualJournals(target, List.of(j));
    } else {
      Invoice i = new Invoice();
      i.invoiceID = xeroId;
      i.status = "VOIDED";
      result = client.saveInvoices(target, List.of(i));
    }
    ElementResult<?> element = result.get(0);
    if (element.saved()) {
      return List.of();
    }
    List<String> errors = new ArrayList<>(element.errors());
    if (errors.isEmpty()) {
      errors.add(element.outcome().name());
    }
    return errors;
  }

  private static boolean positive(BigDecimal amount) {
    return amount != null && amount.signum() > 0;
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static void requireDocumentKind(Kind kind) {
    if (kind == null) {
      throw new BusinessException("Say which kind of transaction to import.");
    }
  }

  /**
   * A kind the inventory system sends. LedgerBridge's own COGS journals are planned per month and
   * sent only through Stock › COGS: a selection, a filter, Do Not Import or Fixed by hand would
   * send or hide one without the month's plan.
   */
  private static void requireReceivedKind(Kind kind) {
    requireDocumentKind(kind);
    if (!kind.received()) {
      throw new BusinessException(
          kind.plural()
              + " are made by LedgerBridge per month: import or re-run them on Stock › COGS"
              + " (POST /api/v1/inventory/"
              + (kind == Kind.COGS ? "cogs" : "closing-stock")
              + "/import).");
    }
  }

  private SourceTransaction find(Kind kind, String sourceId) {
    return queries
        .find(kind, sourceId)
        .orElseThrow(
            () ->
                new BusinessException.NotFound(
                    "No " + kind.singular().toLowerCase() + " with source id " + sourceId + "."));
  }

  private SourceTransaction lock(Kind kind, String sourceId) {
    SourceTransaction t = find(kind, sourceId);
    return em.find(SourceTransaction.class, t.getId(), LockModeType.PESSIMISTIC_WRITE);
  }

  private static String describe(TransactionFilter f) {
    List<String> parts = new ArrayList<>();
    if (f.state() != null) parts.add("state " + f.state().label());
    if (f.from() != null) parts.add("from " + f.from());
    if (f.to() != null) parts.add("to " + f.to());
    if (f.branch() != null && !f.branch().isBlank()) parts.add("branch " + f.branch());
    if (f.contact() != null && !f.contact().isBlank()) parts.add("contact " + f.contact());
    if (f.text() != null && !f.text().isBlank()) parts.add("\"" + f.text() + "\"");
    return parts.isEmpty() ? "the list" : String.join(", ", parts);
  }
}
