package io.ledgerbridge.imports.boundary;

import io.ledgerbridge.imports.boundary.ImportSteps.Batch;
import io.ledgerbridge.imports.boundary.ImportSteps.Claim;
import io.ledgerbridge.imports.boundary.ImportSteps.Found;
import io.ledgerbridge.imports.boundary.ImportSteps.InFlight;
import io.ledgerbridge.imports.boundary.ImportSteps.Observed;
import io.ledgerbridge.imports.control.Reconciliation;
import io.ledgerbridge.imports.control.Reconciliation.Candidate;
import io.ledgerbridge.imports.entity.ImportItem;
import io.ledgerbridge.imports.entity.ImportRun;
import io.ledgerbridge.imports.entity.RunStatus;
import io.ledgerbridge.imports.entity.RunType;
import io.ledgerbridge.imports.entity.XeroDocument;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import io.ledgerbridge.xero.boundary.XeroConnections;
import io.ledgerbridge.xero.client.BatchResult;
import io.ledgerbridge.xero.client.ElementResult;
import io.ledgerbridge.xero.client.XeroClient;
import io.ledgerbridge.xero.client.XeroClient.WriteOptions;
import io.ledgerbridge.xero.client.XeroException;
import io.ledgerbridge.xero.client.XeroQuery;
import io.ledgerbridge.xero.client.XeroReconnectRequired;
import io.ledgerbridge.xero.client.XeroTarget;
import io.ledgerbridge.xero.client.wire.CreditNote;
import io.ledgerbridge.xero.client.wire.Invoice;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Works import and refresh runs in the background, one managed thread per run, and keeps them alive
 * across failures: every node beats the heartbeat of its own runs, and takes over a RUNNING run
 * whose heartbeat stopped (its node died). A run taken over starts by reconciling: documents found
 * in flight are looked up in Xero before anything is sent again.
 *
 * <p>Per chunk of at most 50 transactions: read the status of the drafts about to be updated (one
 * call), claim (one transaction: rows locked, documents marked in flight with the batch's
 * Idempotency-Key), send (one call per batch, {@code summarizeErrors=false}), record Xero's answer
 * per document; unanswered documents are reconciled by reading Xero.
 */
@Singleton
@Startup
@LocalBean
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportRunner {

  private static final Logger LOG = Logger.getLogger(ImportRunner.class.getName());

  /** Unanswered sends of one document before the run gives up on it (the claim stays). */
  static final int MAX_UNANSWERED = 3;

  /**
   * Test support, demo mode only (see {@code ImportRunsResource}): the next N batches "crash" the
   * node right after Xero answered, before the answer is recorded, as a killed JVM would.
   */
  static final AtomicInteger CRASH_AFTER_SEND = new AtomicInteger();

  @Resource private ManagedExecutorService executor;
  @Resource private TimerService timers;
  @Inject private ImportLedger ledger;
  @Inject private ImportPreviews previews;
  @Inject private XeroConnections connections;
  @Inject private XeroClient client;
  @Inject private LedgerBridgeConfig config;

  private final String node =
      ManagementFactory.getRuntimeMXBean().getName()
          + "/"
          + UUID.randomUUID().toString().substring(0, 8);
  private final Set<Long> live = ConcurrentHashMap.newKeySet();

  /** Per run worked here: nanoseconds its worker has spent inside calls to Xero. */
  private final Map<Long, LongAdder> inXero = new ConcurrentHashMap<>();

  /** Thrown by the simulated crash: ends the worker without recording anything. */
  static final class SimulatedCrash extends RuntimeException {
    SimulatedCrash() {
      super("simulated crash after send", null, false, false);
    }
  }

  @PostConstruct
  void init() {
    long every = config.importWatchSeconds() * 1000L;
    timers.createIntervalTimer(every, every, new TimerConfig("import-watch", false));
  }

  public String node() {
    return node;
  }

  /** Starts a run over these transactions; returns it as recorded (RUNNING unless empty). */
  public ImportRun start(
      RunType type,
      Kind kind,
      String tenantId,
      String actor,
      String baseUrl,
      String description,
      List<Long> transactionIds) {
    ImportRun run =
        ledger.start(type, kind, tenantId, actor, baseUrl, description, transactionIds, node);
    if (run.getStatus() == RunStatus.RUNNING) {
      launch(run.getId());
    }
    return run;
  }

  /** Beats the heartbeat of this node's runs and takes over abandoned ones. */
  @Timeout
  void watch() {
    try {
      ledger.beat(List.copyOf(live), node);
      Instant stale = Instant.now().minusSeconds(config.importStaleAfterSeconds());
      for (ImportRun run : ledger.abandoned(stale)) {
        if (!live.contains(run.getId())
            && ledger.takeOver(run.getId(), run.getHeartbeatAt(), node)) {
          LOG.log(
              Level.INFO,
              "Import run {0}: abandoned by {1}, resumed here",
              new Object[] {run.getId(), run.getOwnerNode()});
          launch(run.getId());
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Import watch failed; trying again at the next beat", e);
    }
  }

  private void launch(long runId) {
    if (!live.add(runId)) {
      return;
    }
    executor.submit(() -> work(runId));
  }

  private void work(long runId) {
    inXero.put(runId, new LongAdder());
    try {
      ImportRun run = ledger.run(runId).orElseThrow();
      XeroTarget target;
      try {
        target = connections.requireTarget();
      } catch (XeroReconnectRequired e) {
        ledger.finish(runId, "Not sent: " + e.getMessage());
        return;
      }
      if (!target.tenantId().equals(run.getTenantId())) {
        ledger.finish(
            runId,
            "Not sent: the connected Xero organisation is no longer the one this run was for.");
        return;
      }
      String stop =
          run.getType() == RunType.REFRESH ? refresh(run, target) : importAll(run, target);
      ImportRun done = ledger.finish(runId, stop, xeroMillis(runId));
      LOG.log(
          Level.INFO,
          "Import run {0}: {1} item(s) in {2} ms, {3} ms of it inside {4} Xero call(s)",
          new Object[] {
            runId,
            done.getTotal(),
            Duration.between(done.getRequestedAt(), done.getFinishedAt()).toMillis(),
            done.getXeroMillis(),
            done.getApiCalls()
          });
    } catch (SimulatedCrash crash) {
      LOG.log(Level.WARNING, "Import run {0}: simulated crash after a send", runId);
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        // The server is shutting down: leave the run RUNNING; its heartbeat stops, and a node
        // that is alive (or this one, restarted) takes it over and reconciles what was in flight.
        LOG.log(Level.WARNING, "Import run {0}: interrupted, left for another node", runId);
        return;
      }
      LOG.log(Level.SEVERE, "Import run " + runId + " stopped", e);
      try {
        ledger.finish(
            runId,
            "Stopped by an internal error: " + e.getClass().getSimpleName() + ".",
            xeroMillis(runId));
      } catch (RuntimeException again) {
        LOG.log(Level.SEVERE, "Import run " + runId + " could not be finished", again);
      }
    } finally {
      inXero.remove(runId);
      live.remove(runId);
    }
  }

  private long xeroMillis(long runId) {
    LongAdder nanos = inXero.get(runId);
    return nanos == null ? 0 : nanos.sum() / 1_000_000;
  }

  /** A call to Xero, its time (waits for Xero's limits included) counted against the run. */
  private <T> T timed(long runId, Supplier<T> call) {
    long start = System.nanoTime();
    try {
      return call.get();
    } finally {
      LongAdder nanos = inXero.get(runId);
      if (nanos != null) {
        nanos.add(System.nanoTime() - start);
      }
    }
  }

  // ---- import -----------------------------------------------------------------------------------

  /** Works every pending item; returns why it stopped early, or null. */
  private String importAll(ImportRun run, XeroTarget target) {
    long runId = run.getId();
    Duration stale = Duration.ofSeconds(config.importStaleAfterSeconds());
    Set<Long> deferred = new HashSet<>();
    Map<Long, Integer> unanswered = new HashMap<>();
    Instant waitingSince = null;
    int from = 0;
    while (true) {
      List<ImportItem> chunk = ledger.pending(runId, from, deferred, ImportLedger.CHUNK);
      if (chunk.isEmpty() && from > 0) {
        // Past the end: once more from the start, for items sent again after no answer.
        from = 0;
        continue;
      }
      if (chunk.isEmpty()) {
        if (deferred.isEmpty()) {
          return null;
        }
        if (waitingSince == null) {
          waitingSince = Instant.now();
        } else if (Instant.now().isAfter(waitingSince.plusSeconds(config.importDeferSeconds()))) {
          step(
              () ->
                  ledger.skip(
                      runId,
                      deferred,
                      "Another import run was sending this document and did not finish in time; not sent"
                          + " here. Import it again once that run is done."));
          return null;
        }
        sleep(Duration.ofMillis(500));
        deferred.clear();
        continue;
      }
      from = chunk.get(chunk.size() - 1).getSeq() + 1;
      try {
        String stop = importChunk(runId, target, chunk, stale, deferred, unanswered);
        if (stop != null) {
          return stop;
        }
      } catch (XeroException e) {
        return "Stopped: " + e.getMessage();
      }
    }
  }

  private String importChunk(
      long runId,
      XeroTarget target,
      List<ImportItem> chunk,
      Duration stale,
      Set<Long> deferred,
      Map<Long, Integer> unanswered) {
    List<Long> itemIds = chunk.stream().map(ImportItem::getId).toList();
    int calls = 0;
    // Drafts about to be updated: their status now, so approved ones are left alone.
    List<XeroDocument> toUpdate = ledger.toUpdate(itemIds);
    Map<String, Observed> observed = new HashMap<>();
    if (!toUpdate.isEmpty()) {
      calls += timed(runId, () -> read(target, toUpdate, observed));
    }
    Claim claim = step(() -> ledger.claim(runId, itemIds, observed, stale));
    deferred.addAll(claim.deferred());
    if (calls > 0) {
      int made = calls;
      step(() -> ledger.calls(runId, made));
    }
    if (!claim.reconcile().isEmpty()) {
      reconcile(runId, target, claim.reconcile(), unanswered);
    }
    for (Batch batch : claim.batches()) {
      BatchResult<?> result = timed(runId, () -> send(target, batch));
      if (CRASH_AFTER_SEND.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new SimulatedCrash();
      }
      List<InFlight> unknown =
          step(() -> ledger.record(runId, batch, result.elements(), result.requests()));
      if (!unknown.isEmpty()) {
        reconcile(runId, target, unknown, unanswered);
      }
      for (ElementResult<?> element : result.elements()) {
        if (element.outcome() == ElementResult.Outcome.NOT_SENT) {
          return "Stopped: "
              + (element.failure() == null
                  ? String.join("; ", element.errors())
                  : element.failure().getMessage());
        }
      }
    }
    return null;
  }

  private BatchResult<?> send(XeroTarget target, Batch batch) {
    WriteOptions options = new WriteOptions(batch.key(), batch.unitdp4());
    if (batch.creditNotes()) {
      return batch.update()
          ? client.saveCreditNotes(target, batch.creditNoteList(), options)
          : client.createCreditNotes(target, batch.creditNoteList(), options);
    }
    return batch.update()
        ? client.saveInvoices(target, batch.invoices(), options)
        : client.createInvoices(target, batch.invoices(), options);
  }

  /**
   * Looks in Xero for documents whose send got no answer, and records what it finds; those not
   * found go back to pending and are sent again, up to {@link #MAX_UNANSWERED} times.
   */
  private void reconcile(
      long runId, XeroTarget target, List<InFlight> inFlight, Map<Long, Integer> unanswered) {
    List<InFlight> tooMany = new ArrayList<>();
    List<InFlight> look = new ArrayList<>();
    for (InFlight flight : inFlight) {
      if (unanswered.merge(flight.itemId(), 1, Integer::sum) > MAX_UNANSWERED) {
        tooMany.add(flight);
      } else {
        look.add(flight);
      }
    }
    List<InFlight> creates = tooMany.stream().filter(f -> !f.update()).toList();
    List<InFlight> updates = tooMany.stream().filter(InFlight::update).toList();
    if (!creates.isEmpty()) {
      step(
          () ->
              ledger.giveUp(
                  runId,
                  creates,
                  "Xero did not answer after "
                      + MAX_UNANSWERED
                      + " tries; it may or may not have the document. The next import reads Xero"
                      + " before sending it again."));
    }
    if (!updates.isEmpty()) {
      step(
          () ->
              ledger.giveUp(
                  runId,
                  updates,
                  "Xero did not answer after "
                      + MAX_UNANSWERED
                      + " tries; the update may or may not have arrived. The transaction stays"
                      + " Changed: importing it again re-sends the update to the same document."));
    }
    if (look.isEmpty()) {
      return;
    }
    List<Found> findings = new ArrayList<>();
    int calls;
    try {
      calls = timed(runId, () -> find(target, look, findings));
    } catch (XeroException e) {
      String reason =
          "Could not read Xero to check whether an unanswered send arrived ("
              + e.getMessage()
              + "); the next import checks before sending.";
      step(() -> ledger.giveUp(runId, look, reason));
      return;
    }
    int made = calls;
    step(() -> ledger.reconciled(runId, findings, made));
  }

  /** Reads Xero for the in-flight documents; returns the number of calls made. */
  private int find(XeroTarget target, List<InFlight> inFlight, List<Found> findings) {
    int calls = 0;
    List<InFlight> updates = inFlight.stream().filter(InFlight::update).toList();
    List<InFlight> creates = inFlight.stream().filter(f -> !f.update()).toList();
    if (!updates.isEmpty()) {
      Map<String, Observed> seen = new HashMap<>();
      for (boolean notes : new boolean[] {false, true}) {
        List<String> ids =
            updates.stream()
                .filter(f -> isCreditNote(f.xeroType()) == notes)
                .map(InFlight::xeroId)
                .toList();
        if (!ids.isEmpty()) {
          calls++;
          observe(target, notes, XeroQuery.all().withIds(ids), seen);
        }
      }
      for (InFlight flight : updates) {
        findings.add(new Found(flight, seen.get(flight.xeroId())));
      }
    }
    if (!creates.isEmpty()) {
      List<Candidate> candidates = new ArrayList<>();
      for (boolean notes : new boolean[] {false, true}) {
        List<InFlight> mine =
            creates.stream().filter(f -> isCreditNote(f.xeroType()) == notes).toList();
        if (mine.isEmpty()) {
          continue;
        }
        XeroQuery query =
            XeroQuery.all()
                .withNumbers(
                    mine.stream()
                        .map(InFlight::number)
                        .filter(n -> n != null && !n.isBlank())
                        .distinct()
                        .toList());
        List<String> contacts =
            mine.stream().map(InFlight::contactId).filter(c -> c != null).distinct().toList();
        boolean purchases = mine.stream().allMatch(f -> f.xeroType().startsWith("ACCPAY"));
        if (purchases && !contacts.isEmpty()) {
          query = query.withContactIds(contacts);
        }
        calls++;
        candidates.addAll(candidates(target, notes, query));
      }
      Set<String> held =
          new HashSet<>(ledger.held(candidates.stream().map(Candidate::xeroId).toList()));
      for (InFlight flight : creates) {
        var match =
            Reconciliation.match(
                new Reconciliation.Sought(
                    flight.xeroType(),
                    flight.number(),
                    flight.contactId(),
                    flight.date(),
                    flight.total()),
                candidates,
                held);
        match.ifPresent(c -> held.add(c.xeroId()));
        findings.add(
            new Found(
                flight,
                match
                    .map(c -> new Observed(c.xeroId(), c.number(), c.status(), false))
                    .orElse(null)));
      }
    }
    return calls;
  }

  private static boolean isCreditNote(String xeroType) {
    return xeroType != null && xeroType.endsWith("CREDIT");
  }

  private List<Candidate> candidates(XeroTarget target, boolean notes, XeroQuery query) {
    List<Candidate> out = new ArrayList<>();
    if (notes) {
      for (CreditNote n : client.allCreditNotes(target, query)) {
        out.add(
            new Candidate(
                n.creditNoteID,
                n.type,
                n.creditNoteNumber,
                n.contact == null ? null : n.contact.contactID,
                n.date,
                n.total,
                n.status));
      }
    } else {
      for (Invoice i : client.allInvoices(target, query)) {
        out.add(
            new Candidate(
                i.invoiceID,
                i.type,
                i.invoiceNumber,
                i.contact == null ? null : i.contact.contactID,
                i.date,
                i.total,
                i.status));
      }
    }
    return out;
  }

  /** Reads the documents' current status; returns the number of calls. */
  private int read(
      XeroTarget target, Collection<XeroDocument> documents, Map<String, Observed> out) {
    int calls = 0;
    for (boolean notes : new boolean[] {false, true}) {
      List<String> ids =
          documents.stream()
              .filter(d -> isCreditNote(d.getXeroType()) == notes)
              .map(XeroDocument::getXeroId)
              .toList();
      for (int from = 0; from < ids.size(); from += ImportLedger.CHUNK) {
        calls++;
        observe(
            target,
            notes,
            XeroQuery.all()
                .withIds(ids.subList(from, Math.min(ids.size(), from + ImportLedger.CHUNK))),
            out);
      }
    }
    return calls;
  }

  private void observe(
      XeroTarget target, boolean notes, XeroQuery query, Map<String, Observed> out) {
    if (notes) {
      for (CreditNote n : client.allCreditNotes(target, query)) {
        boolean settled =
            n.remainingCredit != null
                && n.total != null
                && n.remainingCredit.compareTo(n.total) < 0;
        out.put(
            n.creditNoteID, new Observed(n.creditNoteID, n.creditNoteNumber, n.status, settled));
      }
    } else {
      for (Invoice i : client.allInvoices(target, query)) {
        boolean settled = positive(i.amountPaid) || positive(i.amountCredited);
        out.put(i.invoiceID, new Observed(i.invoiceID, i.invoiceNumber, i.status, settled));
      }
    }
  }

  private static boolean positive(BigDecimal amount) {
    return amount != null && amount.signum() > 0;
  }

  // ---- refresh ----------------------------------------------------------------------------------

  private String refresh(ImportRun run, XeroTarget target) {
    int from = 0;
    while (true) {
      List<ImportItem> chunk = ledger.pending(run.getId(), from, List.of(), ImportLedger.CHUNK);
      if (chunk.isEmpty()) {
        return null;
      }
      from = chunk.get(chunk.size() - 1).getSeq() + 1;
      Map<Long, XeroDocument> documents =
          previews.documents(chunk.stream().map(ImportItem::getTransactionId).toList());
      Map<String, Observed> observed = new HashMap<>();
      int calls;
      try {
        calls =
            timed(
                run.getId(),
                () ->
                    read(
                        target,
                        documents.values().stream().filter(d -> d.getXeroId() != null).toList(),
                        observed));
      } catch (XeroException e) {
        return "Stopped: " + e.getMessage();
      }
      int made = calls;
      step(
          () ->
              ledger.refreshed(
                  run.getId(), chunk.stream().map(ImportItem::getId).toList(), observed, made));
    }
  }

  /**
   * Runs one of the ledger's steps (each its own database transaction), again up to twice when it
   * fails for a reason that may pass — a lock time-out, a deadlock victim, a dropped database
   * connection. A step that failed was rolled back whole, so running it again is safe.
   */
  private static <T> T step(Supplier<T> ledgerStep) {
    for (int attempt = 1; ; attempt++) {
      try {
        return ledgerStep.get();
      } catch (BusinessException e) {
        throw e;
      } catch (RuntimeException e) {
        if (attempt >= 3 || Thread.currentThread().isInterrupted()) {
          throw e;
        }
        LOG.log(Level.WARNING, "Import step failed (attempt " + attempt + "), trying again", e);
        sleep(Duration.ofMillis(250L * attempt * attempt));
      }
    }
  }

  private static void step(Runnable ledgerStep) {
    step(
        () -> {
          ledgerStep.run();
          return null;
        });
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
