package io.ledgerbridge.imports.boundary;

import io.ledgerbridge.imports.boundary.ImportSteps.Batch;
import io.ledgerbridge.imports.boundary.ImportSteps.Claim;
import io.ledgerbridge.imports.boundary.ImportSteps.Found;
import io.ledgerbridge.imports.boundary.ImportSteps.InFlight;
import io.ledgerbridge.imports.boundary.ImportSteps.Observed;
import io.ledgerbridge.imports.boundary.ImportSteps.Send;
import io.ledgerbridge.imports.control.DocumentMapper.Mapping;
import io.ledgerbridge.imports.control.Preview;
import io.ledgerbridge.imports.control.Preview.Action;
import io.ledgerbridge.imports.entity.ImportItem;
import io.ledgerbridge.imports.entity.ImportRun;
import io.ledgerbridge.imports.entity.Outcome;
import io.ledgerbridge.imports.entity.RunStatus;
import io.ledgerbridge.imports.entity.RunType;
import io.ledgerbridge.imports.entity.XeroDocument;
import io.ledgerbridge.intake.entity.ImportState;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.intake.entity.SourceTransaction;
import io.ledgerbridge.platform.audit.AuditLog;
import io.ledgerbridge.xero.client.ElementResult;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The database side of import runs, one short transaction per step: start a run, claim a chunk of
 * its items (rows locked, documents marked in flight before anything is sent), record Xero's
 * answers, apply reconciliations and status read-backs, finish. Whoever changes a {@link
 * XeroDocument} first locks its source transaction's row, so two runs — on one node or several —
 * never claim the same document.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ImportLedger {

  /** At most this many items are claimed at once: one request's worth. */
  public static final int CHUNK = 50;

  @PersistenceContext private EntityManager em;
  @Inject private ImportPreviews previews;
  @Inject private AuditLog audit;

  // ---- runs -------------------------------------------------------------------------------------

  /** A new run over these transactions (in this order; duplicates dropped). */
  public ImportRun start(
      RunType type,
      Kind kind,
      String tenantId,
      String actor,
      String baseUrl,
      String description,
      List<Long> transactionIds,
      String node) {
    List<Long> ids = transactionIds.stream().distinct().toList();
    Map<Long, Object[]> rows = new HashMap<>();
    for (int from = 0; from < ids.size(); from += 500) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      for (Object[] row :
          em.createQuery(
                  "SELECT t.id, t.kind, t.sourceId FROM SourceTransaction t WHERE t.id IN :ids",
                  Object[].class)
              .setParameter("ids", chunk)
              .getResultList()) {
        rows.put((Long) row[0], row);
      }
    }
    List<Object[]> found = ids.stream().map(rows::get).filter(r -> r != null).toList();
    Instant now = Instant.now();
    ImportRun run =
        new ImportRun(type, kind, tenantId, actor, baseUrl, description, found.size(), node, now);
    em.persist(run);
    em.flush();
    int seq = 0;
    for (Object[] row : found) {
      em.persist(new ImportItem(run.getId(), seq++, (Long) row[0], (Kind) row[1], (String) row[2]));
      if (seq % 500 == 0) {
        em.flush();
        em.clear();
      }
    }
    audit.record(
        actor,
        type == RunType.IMPORT ? "import.run-started" : "xero.refresh-started",
        "run/" + run.getId(),
        (kind == null ? "" : kind.name() + ": ")
            + found.size()
            + " transaction(s). "
            + description);
    return run;
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<ImportRun> run(long id) {
    return Optional.ofNullable(em.find(ImportRun.class, id));
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ImportRun> runs(int first, int max) {
    return em.createQuery(
            "SELECT r FROM ImportRun r ORDER BY r.requestedAt DESC, r.id DESC", ImportRun.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long runCount() {
    return em.createQuery("SELECT COUNT(r) FROM ImportRun r", Long.class).getSingleResult();
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ImportItem> items(long runId, Outcome outcome, int first, int max) {
    String filter = outcome == null ? "" : " AND i.outcome = :outcome";
    var query =
        em.createQuery(
                "SELECT i FROM ImportItem i WHERE i.runId = :run"
                    + filter
                    + " ORDER BY i.runId, i.seq",
                ImportItem.class)
            .setParameter("run", runId)
            .setFirstResult(first)
            .setMaxResults(max);
    if (outcome != null) {
      query.setParameter("outcome", outcome);
    }
    return query.getResultList();
  }

  /** The latest outcomes for one transaction, newest first. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ImportItem> history(long transactionId, int max) {
    return em.createQuery(
            "SELECT i FROM ImportItem i WHERE i.transactionId = :t AND i.outcome IS NOT NULL"
                + " ORDER BY i.id DESC",
            ImportItem.class)
        .setParameter("t", transactionId)
        .setMaxResults(max)
        .getResultList();
  }

  /** Pending items, in order, leaving out {@code exclude}. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ImportItem> pending(long runId, Collection<Long> exclude, int max) {
    return pending(runId, 0, exclude, max);
  }

  /**
   * Pending items from position {@code fromSeq} on, in order, leaving out {@code exclude}. A worker
   * moves {@code fromSeq} past each chunk, so it never reads the finished items before it again.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ImportItem> pending(long runId, int fromSeq, Collection<Long> exclude, int max) {
    String not = exclude.isEmpty() ? "" : " AND i.id NOT IN :exclude";
    // ORDER BY runId, seq: the (run_id, seq) index's order, so the database stops after max rows.
    var query =
        em.createQuery(
                "SELECT i FROM ImportItem i WHERE i.runId = :run AND i.seq >= :from"
                    + " AND i.outcome IS NULL"
                    + not
                    + " ORDER BY i.runId, i.seq",
                ImportItem.class)
            .setParameter("run", runId)
            .setParameter("from", fromSeq)
            .setMaxResults(max);
    if (!exclude.isEmpty()) {
      query.setParameter("exclude", exclude);
    }
    return query.getResultList();
  }

  public void beat(Collection<Long> runIds, String node) {
    if (runIds.isEmpty()) {
      return;
    }
    em.createQuery(
            "UPDATE ImportRun r SET r.heartbeatAt = :now, r.ownerNode = :node"
                + " WHERE r.id IN :ids AND r.status = :running")
        .setParameter("now", Instant.now())
        .setParameter("node", node)
        .setParameter("ids", runIds)
        .setParameter("running", RunStatus.RUNNING)
        .executeUpdate();
  }

  /** RUNNING runs whose heartbeat stopped before {@code staleBefore}: their node died. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ImportRun> abandoned(Instant staleBefore) {
    return em.createQuery(
            "SELECT r FROM ImportRun r WHERE r.status = :running AND r.heartbeatAt < :stale"
                + " ORDER BY r.id",
            ImportRun.class)
        .setParameter("running", RunStatus.RUNNING)
        .setParameter("stale", staleBefore)
        .getResultList();
  }

  /** Takes an abandoned run over, unless another node got there first. */
  public boolean takeOver(long runId, Instant seenHeartbeat, String node) {
    int taken =
        em.createQuery(
                "UPDATE ImportRun r SET r.heartbeatAt = :now, r.ownerNode = :node"
                    + " WHERE r.id = :id AND r.status = :running AND r.heartbeatAt = :seen")
            .setParameter("now", Instant.now())
            .setParameter("node", node)
            .setParameter("id", runId)
            .setParameter("running", RunStatus.RUNNING)
            .setParameter("seen", seenHeartbeat)
            .executeUpdate();
    if (taken == 1) {
      audit.record("system", "import.run-resumed", "run/" + runId, "Taken over by " + node + ".");
    }
    return taken == 1;
  }

  /** Finishes the run; any item still pending is failed with {@code reason}. */
  public ImportRun finish(long runId, String reason) {
    return finish(runId, reason, 0, 0);
  }

  /**
   * Finishes the run as {@link #finish(long, String)}, adding the time its batches spent inside
   * calls to Xero and on their own work outside them.
   */
  public ImportRun finish(long runId, String reason, long xeroMillis, long ownMillis) {
    ImportRun run = em.find(ImportRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
    run.addXeroMillis(xeroMillis);
    run.addOwnMillis(ownMillis);
    Instant now = Instant.now();
    if (reason != null) {
      for (ImportItem item : pending(runId, List.of(), Integer.MAX_VALUE)) {
        item.finish(Outcome.FAILED, null, null, null, List.of(reason), null, null, now);
        run.count(Outcome.FAILED);
      }
    }
    run.finish(reason, now);
    audit.record(
        run.getRequestedBy(),
        run.getType() == RunType.IMPORT ? "import.run-finished" : "xero.refresh-finished",
        "run/" + runId,
        run.getImported()
            + " imported, "
            + run.getUpdated()
            + " updated, "
            + run.getFailed()
            + " failed, "
            + run.getSkipped()
            + " skipped; "
            + run.getApiCalls()
            + " Xero call(s)."
            + (reason == null ? "" : " " + reason));
    return run;
  }

  // ---- claiming ---------------------------------------------------------------------------------

  /**
   * Claims these items of the run. The transactions' rows are locked; each item is skipped (not
   * importable, nothing to send, approved in Xero), deferred (another live run is sending it), set
   * aside for reconciliation (an earlier send of it never heard back) or marked in flight in a
   * batch with a fresh Idempotency-Key. {@code observed}: statuses just read from Xero for the
   * documents that would be updated; approved ones are locked instead, deleted ones created again.
   */
  public Claim claim(
      long runId, List<Long> itemIds, Map<String, Observed> observed, Duration staleAfter) {
    ImportRun run = em.find(ImportRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now();
    List<ImportItem> items = items(itemIds);
    Map<Long, SourceTransaction> transactions =
        lockTransactions(items.stream().map(ImportItem::getTransactionId).toList());
    Map<Long, XeroDocument> documents =
        previews.documents(items.stream().map(ImportItem::getTransactionId).toList());

    // What Xero said just now of documents about to be updated.
    for (XeroDocument document : documents.values()) {
      Observed seen = document.getXeroId() == null ? null : observed.get(document.getXeroId());
      if (seen != null && !seen.status().equals(document.getXeroStatus())) {
        SourceTransaction t = transactions.get(document.getTransactionId());
        applyStatus(t, document, seen.status(), now, run.getRequestedBy());
      }
    }

    List<InFlight> reconcile = new ArrayList<>();
    List<Long> deferred = new ArrayList<>();
    List<ImportItem> candidates = new ArrayList<>();
    for (ImportItem item : items) {
      SourceTransaction t = transactions.get(item.getTransactionId());
      XeroDocument document = documents.get(item.getTransactionId());
      if (t == null) {
        finishItem(run, item, Outcome.FAILED, null, List.of("The transaction no longer exists."));
        continue;
      }
      if (document != null && document.inFlight()) {
        Long other = document.getInFlightRun();
        if (!other.equals(runId) && alive(other, now, staleAfter)) {
          deferred.add(item.getId());
          continue;
        }
        document.adoptClaim(runId);
        reconcile.add(inFlight(item, document));
        continue;
      }
      candidates.add(item);
    }

    List<Preview> shown =
        previews.previews(
            run.getTenantId(),
            run.getBaseUrl(),
            candidates.stream().map(i -> transactions.get(i.getTransactionId())).toList());
    List<Send> creates = new ArrayList<>();
    List<Send> updates = new ArrayList<>();
    boolean createDp4 = false;
    boolean updateDp4 = false;
    for (int i = 0; i < candidates.size(); i++) {
      ImportItem item = candidates.get(i);
      Preview preview = shown.get(i);
      if (preview.blocked()) {
        finishItem(run, item, Outcome.SKIPPED, preview.document(), preview.blockingMessages());
        continue;
      }
      if (preview.action() == Action.NONE) {
        XeroDocument d = preview.document();
        finishItem(
            run,
            item,
            Outcome.SKIPPED,
            d,
            List.of(
                "Already in Xero as "
                    + d.getXeroStatus()
                    + " "
                    + (d.getXeroNumber() == null ? d.getXeroId() : d.getXeroNumber())
                    + ", unchanged since; nothing sent."));
        continue;
      }
      boolean update = preview.action() == Action.UPDATE;
      Send send =
          new Send(
              item.getId(),
              item.getTransactionId(),
              item.getKind(),
              preview.mapping(),
              preview.sentHash(),
              preview.sourceVersion(),
              preview.mapping().xeroTotals().total(),
              update);
      if (update) {
        updates.add(send);
        updateDp4 |= preview.mapping().unitdp4();
      } else {
        creates.add(send);
        createDp4 |= preview.mapping().unitdp4();
      }
    }
    List<Batch> batches = new ArrayList<>();
    if (!creates.isEmpty()) {
      batches.add(claimBatch(run, creates, false, createDp4, documents, now));
    }
    if (!updates.isEmpty()) {
      batches.add(claimBatch(run, updates, true, updateDp4, documents, now));
    }
    return new Claim(batches, reconcile, deferred);
  }

  private Batch claimBatch(
      ImportRun run,
      List<Send> sends,
      boolean update,
      boolean unitdp4,
      Map<Long, XeroDocument> documents,
      Instant now) {
    String key = "lb-imp-" + run.getId() + "-" + UUID.randomUUID();
    for (Send send : sends) {
      XeroDocument document = documents.get(send.transactionId());
      Mapping mapping = send.mapping();
      String type = mapping.xeroType();
      if (document == null) {
        document = new XeroDocument(send.transactionId(), run.getTenantId(), type);
        em.persist(document);
        documents.put(send.transactionId(), document);
      }
      document.claim(
          run.getId(),
          key,
          update ? XeroDocument.Action.UPDATE : XeroDocument.Action.CREATE,
          type,
          mapping.contactId(),
          mapping.number(),
          mapping.date(),
          send.total(),
          send.hash(),
          send.sourceVersion(),
          now);
    }
    return new Batch(sends, key, update, unitdp4);
  }

  private boolean alive(Long runId, Instant now, Duration staleAfter) {
    ImportRun other = em.find(ImportRun.class, runId);
    return other != null
        && other.getStatus() == RunStatus.RUNNING
        && other.getHeartbeatAt().isAfter(now.minus(staleAfter));
  }

  private static InFlight inFlight(ImportItem item, XeroDocument document) {
    return new InFlight(
        item.getId(),
        item.getTransactionId(),
        item.getKind(),
        document.getInFlightAction() == XeroDocument.Action.UPDATE,
        document.getXeroId(),
        document.getXeroType(),
        document.getContactId(),
        document.getXeroNumber(),
        document.getDate(),
        document.getTotal(),
        document.getInFlightHash(),
        document.getInFlightVersion());
  }

  // ---- recording --------------------------------------------------------------------------------

  /**
   * Records Xero's answer for each document of a batch. Saved → IMPORTED / UPDATED with Xero's id,
   * number and status; refused → FAILED with Xero's messages and the claim cleared; not sent →
   * FAILED with the reason and the claim cleared. Returns the documents whose fate is unknown
   * (AMBIGUOUS): their claims stay, to be reconciled.
   */
  public List<InFlight> record(
      long runId, Batch batch, List<? extends ElementResult<?>> results, int calls) {
    ImportRun run = em.find(ImportRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
    run.addApiCalls(calls);
    Instant now = Instant.now();
    Map<Long, SourceTransaction> transactions =
        lockTransactions(batch.documents().stream().map(Send::transactionId).toList());
    Map<Long, XeroDocument> documents =
        previews.documents(batch.documents().stream().map(Send::transactionId).toList());
    Map<Long, ImportItem> items =
        byId(items(batch.documents().stream().map(Send::itemId).toList()));
    List<InFlight> unknown = new ArrayList<>();
    for (int i = 0; i < batch.documents().size(); i++) {
      Send send = batch.documents().get(i);
      ElementResult<?> result = results.get(i);
      SourceTransaction t = transactions.get(send.transactionId());
      XeroDocument document = documents.get(send.transactionId());
      ImportItem item = items.get(send.itemId());
      switch (result.outcome()) {
        case OK, WARNING -> {
          document.saved(
              result.id(),
              result.number(),
              result.status(),
              send.hash(),
              send.sourceVersion(),
              run.getRequestedBy(),
              runId,
              now);
          List<String> dropped =
              result.warnings().stream().filter(ImportLedger::accountDropped).toList();
          if (!dropped.isEmpty()) {
            // Xero kept the journal with a blank line: never leave it so (issue 12 §4).
            document.notAsSent();
            t.recordInXeroNotAsSent();
            List<String> messages = new ArrayList<>();
            messages.add(
                "Xero saved the journal as a draft but removed an account from a line, so it"
                    + " does not post what the source says. Fix the account (Settings, or the"
                    + " line's account code) and import again: the draft is updated in place.");
            messages.addAll(dropped);
            finishItem(run, item, Outcome.FAILED, document, messages);
            audit.record(
                run.getRequestedBy(),
                "import.failed",
                subject(send.kind(), item.getSourceId()),
                String.join(" ", messages) + " (" + result.id() + ", run " + runId + ")");
            continue;
          }
          if (XeroDocument.DELETED.equals(result.status())) {
            t.recordNotInXero(); // a COGS draft with nothing left to post, deleted on purpose
          } else {
            t.recordInXero(send.sourceVersion());
          }
          Outcome outcome = send.update() ? Outcome.UPDATED : Outcome.IMPORTED;
          item.finish(
              outcome,
              result.id(),
              document.getXeroNumber(),
              result.status(),
              result.warnings(),
              send.hash(),
              send.sourceVersion(),
              now);
          run.count(outcome);
          audit.record(
              run.getRequestedBy(),
              send.update() ? "import.updated" : "import.created",
              subject(send.kind(), item.getSourceId()),
              document.getXeroType()
                  + " "
                  + document.getXeroNumber()
                  + " ("
                  + result.status()
                  + ", "
                  + result.id()
                  + "), version "
                  + send.sourceVersion()
                  + ", run "
                  + runId
                  + ".");
        }
        case AMBIGUOUS -> unknown.add(inFlight(item, document));
        default -> {
          document.release();
          if (!send.update()) {
            t.recordFailed();
          }
          List<String> messages = new ArrayList<>();
          if (result.outcome() == ElementResult.Outcome.NOT_SENT) {
            messages.add("Not sent to Xero: " + String.join("; ", result.errors()));
          } else {
            messages.addAll(result.errors());
          }
          finishItem(run, item, Outcome.FAILED, document, messages);
          audit.record(
              run.getRequestedBy(),
              "import.failed",
              subject(send.kind(), item.getSourceId()),
              String.join(" ", messages) + " (run " + runId + ")");
        }
      }
    }
    return unknown;
  }

  /**
   * Applies what reading Xero found for in-flight documents: found → recorded as imported (the
   * earlier send did arrive; nothing is sent again); not found → the claim is cleared and the item
   * stays pending, to be sent again. Updates are cleared either way (re-sending an update is
   * harmless), unless Xero shows the document approved.
   */
  public void reconciled(long runId, List<Found> findings, int calls) {
    ImportRun run = em.find(ImportRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
    run.addApiCalls(calls);
    Instant now = Instant.now();
    Map<Long, SourceTransaction> transactions =
        lockTransactions(findings.stream().map(f -> f.inFlight().transactionId()).toList());
    Map<Long, XeroDocument> documents =
        previews.documents(findings.stream().map(f -> f.inFlight().transactionId()).toList());
    Map<Long, ImportItem> items =
        byId(items(findings.stream().map(f -> f.inFlight().itemId()).toList()));
    for (Found finding : findings) {
      InFlight flight = finding.inFlight();
      SourceTransaction t = transactions.get(flight.transactionId());
      XeroDocument document = documents.get(flight.transactionId());
      ImportItem item = items.get(flight.itemId());
      Observed found = finding.found();
      if (document == null || item == null || !item.pending()) {
        continue;
      }
      if (found != null && !flight.update()) {
        // The earlier send arrived: record it. What it carried is the version claimed then; if
        // the transaction changed since, it shows CHANGED and the next import updates it.
        long version =
            flight.sourceVersion() == null ? t.getSourceVersion() : flight.sourceVersion();
        document.saved(
            found.xeroId(),
            found.number(),
            found.status(),
            flight.hash(),
            version,
            run.getRequestedBy(),
            runId,
            now);
        t.recordInXero(document.getSyncedVersion());
        finishItem(
            run,
            item,
            Outcome.IMPORTED,
            document,
            List.of(
                "An earlier send got no answer; found in Xero by reading it back, so nothing was"
                    + " sent again."));
        audit.record(
            run.getRequestedBy(),
            "import.reconciled",
            subject(flight.kind(), item.getSourceId()),
            document.getXeroType()
                + " "
                + document.getXeroNumber()
                + " found in Xero ("
                + found.xeroId()
                + ") after an unanswered send; run "
                + runId
                + ".");
      } else if (found != null && XeroDocument.APPROVED.contains(found.status())) {
        document.release();
        applyStatus(t, document, found.status(), now, run.getRequestedBy());
        finishItem(
            run,
            item,
            Outcome.SKIPPED,
            document,
            List.of(
                "The Xero document is "
                    + found.status()
                    + " in Xero; LedgerBridge will not change it."));
      } else {
        document.release();
      }
    }
  }

  /**
   * Records Xero statuses read outside a run (a COGS run reads its months' drafts first, so that a
   * journal posted meanwhile gets a delta, not an edit). Documents Xero did not return keep theirs.
   */
  public void observed(
      Collection<Long> transactionIds, Map<String, Observed> observed, String actor) {
    Instant now = Instant.now();
    List<Long> ids = List.copyOf(transactionIds);
    Map<Long, SourceTransaction> transactions = lockTransactions(ids);
    for (XeroDocument document : previews.documents(ids).values()) {
      Observed seen = document.getXeroId() == null ? null : observed.get(document.getXeroId());
      if (seen != null) {
        applyStatus(
            transactions.get(document.getTransactionId()), document, seen.status(), now, actor);
      }
    }
  }

  /** Records the Xero statuses read back by a refresh. */
  public void refreshed(long runId, List<Long> itemIds, Map<String, Observed> observed, int calls) {
    ImportRun run = em.find(ImportRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
    run.addApiCalls(calls);
    Instant now = Instant.now();
    List<ImportItem> items = items(itemIds);
    Map<Long, SourceTransaction> transactions =
        lockTransactions(items.stream().map(ImportItem::getTransactionId).toList());
    Map<Long, XeroDocument> documents =
        previews.documents(items.stream().map(ImportItem::getTransactionId).toList());
    for (ImportItem item : items) {
      XeroDocument document = documents.get(item.getTransactionId());
      SourceTransaction t = transactions.get(item.getTransactionId());
      if (document == null || document.getXeroId() == null || t == null) {
        finishItem(run, item, Outcome.SKIPPED, document, List.of("Not in Xero."));
        continue;
      }
      Observed seen = observed.get(document.getXeroId());
      if (seen == null) {
        finishItem(
            run,
            item,
            Outcome.FAILED,
            document,
            List.of("Xero did not return " + document.getXeroId() + " when asked for it."));
        continue;
      }
      String before = document.getXeroStatus();
      applyStatus(t, document, seen.status(), now, run.getRequestedBy());
      document.observed(seen.status(), now);
      if (seen.status().equals(before)) {
        finishItem(
            run, item, Outcome.SKIPPED, document, List.of("Unchanged: " + seen.status() + "."));
      } else {
        finishItem(
            run,
            item,
            Outcome.UPDATED,
            document,
            List.of("Was " + before + ", now " + seen.status() + " in Xero."));
      }
    }
  }

  /**
   * A status Xero reported for a tracked document: approved, paid or voided → the transaction is
   * locked (APPROVED_IN_XERO); deleted → it may be imported again; draft or submitted → unchanged.
   */
  private void applyStatus(
      SourceTransaction t, XeroDocument document, String status, Instant now, String actor) {
    String before = document.getXeroStatus();
    document.observed(status, now);
    if (t == null || status.equals(before)) {
      return;
    }
    String subject = subject(t.getKind(), t.getSourceId());
    if (XeroDocument.APPROVED.contains(status)) {
      if (t.getState() != ImportState.DO_NOT_IMPORT) {
        t.recordApprovedInXero();
      }
      audit.record(
          actor,
          "xero.approved",
          subject,
          document.getXeroNumber() + " is " + status + " in Xero (was " + before + ").");
    } else if (XeroDocument.DELETED.equals(status)) {
      t.recordNotInXero();
      audit.record(
          actor,
          "xero.deleted",
          subject,
          document.getXeroNumber() + " was deleted in Xero; it may be imported again.");
    }
  }

  /**
   * Gives up on in-flight documents for this run (no answer after several tries, or Xero could not
   * be read to check): the items fail with {@code message}, the claims stay, so the next run that
   * meets them reads Xero before sending.
   */
  public void giveUp(long runId, List<InFlight> documents, String message) {
    ImportRun run = em.find(ImportRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
    Map<Long, ImportItem> items = byId(items(documents.stream().map(InFlight::itemId).toList()));
    for (InFlight flight : documents) {
      ImportItem item = items.get(flight.itemId());
      if (item != null && item.pending()) {
        item.finish(
            Outcome.FAILED,
            flight.xeroId(),
            flight.number(),
            null,
            List.of(message),
            flight.hash(),
            flight.sourceVersion(),
            Instant.now());
        run.count(Outcome.FAILED);
      }
    }
  }

  /**
   * The document was voided in Xero to make way for a new version: the transaction may be imported
   * again, as version n+1 of the document.
   */
  public void newVersion(long transactionId, String actor) {
    SourceTransaction t =
        em.find(SourceTransaction.class, transactionId, LockModeType.PESSIMISTIC_WRITE);
    XeroDocument document = em.find(XeroDocument.class, transactionId);
    String voided = document.getXeroNumber() + " (" + document.getXeroId() + ")";
    document.replacedByNewVersion(Instant.now());
    t.recordNotInXero();
    audit.record(
        actor,
        "xero.voided",
        subject(t.getKind(), t.getSourceId()),
        voided + " voided in Xero; the change goes as version " + document.getVersionNo() + ".");
  }

  /** Counts Xero calls made outside a claim or a record (status reads). */
  public void calls(long runId, int calls) {
    em.find(ImportRun.class, runId, LockModeType.PESSIMISTIC_WRITE).addApiCalls(calls);
  }

  /** Skips these pending items with {@code message}. */
  public void skip(long runId, Collection<Long> itemIds, String message) {
    ImportRun run = em.find(ImportRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
    for (ImportItem item : items(List.copyOf(itemIds))) {
      if (item.pending()) {
        finishItem(run, item, Outcome.SKIPPED, null, List.of(message));
      }
    }
  }

  /**
   * The live, editable Xero documents of these items whose transaction changed since it was last
   * sent: those an import would update, whose status must be read first.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<XeroDocument> toUpdate(List<Long> itemIds) {
    if (itemIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT d FROM XeroDocument d, ImportItem i, SourceTransaction t"
                + " WHERE i.id IN :items AND d.transactionId = i.transactionId"
                + " AND t.id = i.transactionId AND d.xeroId IS NOT NULL"
                + " AND d.xeroStatus IN :editable AND d.inFlightRun IS NULL"
                + " AND (d.syncedVersion IS NULL OR d.syncedVersion < t.sourceVersion)",
            XeroDocument.class)
        .setParameter("items", itemIds)
        .setParameter("editable", XeroDocument.EDITABLE)
        .getResultList();
  }

  /** Of these Xero ids, those LedgerBridge holds for some transaction. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Set<String> held(Collection<String> xeroIds) {
    if (xeroIds.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(
        em.createQuery("SELECT d.xeroId FROM XeroDocument d WHERE d.xeroId IN :ids", String.class)
            .setParameter("ids", xeroIds)
            .getResultList());
  }

  /** Transactions whose Xero documents a refresh reads: every live one not deleted or voided. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Long> refreshable(String tenantId) {
    return em.createQuery(
            "SELECT d.transactionId FROM XeroDocument d WHERE d.tenantId = :tenant"
                + " AND d.xeroId IS NOT NULL AND d.xeroStatus NOT IN :gone"
                + " ORDER BY d.transactionId",
            Long.class)
        .setParameter("tenant", tenantId)
        .setParameter("gone", List.of(XeroDocument.DELETED, "VOIDED"))
        .getResultList();
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private void finishItem(
      ImportRun run,
      ImportItem item,
      Outcome outcome,
      XeroDocument document,
      List<String> messages) {
    item.finish(
        outcome,
        document == null ? null : document.getXeroId(),
        document == null ? null : document.getXeroNumber(),
        document == null ? null : document.getXeroStatus(),
        messages,
        null,
        null,
        Instant.now());
    run.count(outcome);
  }

  /** Xero's warning that it removed an unknown account from a journal line. */
  static boolean accountDropped(String warning) {
    return warning != null && warning.contains("has been removed as it does not match");
  }

  static String subject(Kind kind, String sourceId) {
    return kind.name() + "/" + sourceId;
  }

  private List<ImportItem> items(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT i FROM ImportItem i WHERE i.id IN :ids ORDER BY i.seq", ImportItem.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  private static Map<Long, ImportItem> byId(List<ImportItem> items) {
    Map<Long, ImportItem> out = new HashMap<>();
    items.forEach(i -> out.put(i.getId(), i));
    return out;
  }

  /** Locks the transactions' rows, in id order (so two lockers never deadlock). */
  Map<Long, SourceTransaction> lockTransactions(List<Long> ids) {
    Map<Long, SourceTransaction> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    em.createQuery(
            "SELECT t FROM SourceTransaction t WHERE t.id IN :ids ORDER BY t.id",
            SourceTransaction.class)
        .setParameter("ids", Set.copyOf(ids))
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList()
        .forEach(t -> out.put(t.getId(), t));
    return out;
  }
}
