package io.ledgerbridge.imports.boundary;

import io.ledgerbridge.imports.boundary.ImportSteps.Batch;
import io.ledgerbridge.imports.boundary.ImportSteps.Claim;
import io.ledgerbridge.imports.boundary.ImportSteps.Family;
import io.ledgerbridge.imports.boundary.ImportSteps.Found;
import io.ledgerbridge.imports.boundary.ImportSteps.InFlight;
import io.ledgerbridge.imports.boundary.ImportSteps.Observed;
import io.ledgerbridge.imports.control.DocumentMapper;
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
import io.ledgerbridge.xero.client.wire.ManualJournal;
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
import jakarta.enterprise.concurrent.ManagedThreadFactory;
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
   * Test support, demo mode only (see {@code ImportRunsResource}): the next N import runs "crash"
   * right after Xero answered their first batch, before anything is recorded, as a killed JVM
   * would: every lane of the run ends, leaving its documents in flight and the run RUNNING.
   */
  static final AtomicInteger CRASH_AFTER_SEND = new AtomicInteger();

  /**
   * Threads for runs and their lanes, from the server's managed thread factory (so they carry the
   * application's context); a cached pool, because the default managed executor's small core pool
   * would queue a third run, or a run's lanes, behind the others.
   */
  @Resource private ManagedThreadFactory threads;

  private java.util.concurrent.ExecutorService executor;
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

  /** Per run worked here: nanoseconds its lanes have spent inside calls to Xero (summed). */
  private final Map<Long, LongAdder> inXero = new ConcurrentHashMap<>();

  /**
   * Per run worked here: nanoseconds its lanes have spent on their own work, outside Xero calls.
   */
  private final Map<Long, LongAdder> ownTime = new ConcurrentHashMap<>();

  /** Nanoseconds this thread has spent inside calls to Xero, for the lanes' own-time sums. */
  private static final ThreadLocal<long[]> XERO_NANOS = ThreadLocal.withInitial(() -> new long[1]);

  /** Thrown by the simulated crash: ends the worker without recording anything. */
  static final class SimulatedCrash extends RuntimeException {
    SimulatedCrash() {
      super("simulated crash after send", null, false, false);
    }
  }

  /** When this node started: it takes no run over before it has been up for a stale period. */
  private volatile Instant upSince = Instant.now();

  @PostConstruct
  void init() {
    upSince = Instant.now();
    executor = java.util.concurrent.Executors.newCachedThreadPool(threads);
    long every = config.importWatchSeconds() * 1000L;
    timers.createIntervalTimer(every, every, new TimerConfig("import-watch", false));
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    executor.shutdownNow();
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
      if (upSince.isAfter(stale)) {
        // Just started (after a crash, say): the application may not be serving yet (the
        // built-in sandbox answers 404 pages until it is), and a node that was merely slow gets
        // a stale period to beat again before anyone takes its runs.
        return;
      }
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
    ownTime.put(runId, new LongAdder());
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
      ImportRun done = ledger.finish(runId, stop, xeroMillis(runId), ownMillis(runId));
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
            xeroMillis(runId),
            ownMillis(runId));
      } catch (RuntimeException again) {
        LOG.log(Level.SEVERE, "Import run " + runId + " could not be finished", again);
      }
    } finally {
      inXero.remove(runId);
      ownTime.remove(runId);
      live.remove(runId);
    }
  }

  private long xeroMillis(long runId) {
    LongAdder nanos = inXero.get(runId);
    return nanos == null ? 0 : nanos.sum() / 1_000_000;
  }

  private long ownMillis(long runId) {
    LongAdder nanos = ownTime.get(runId);
    return nanos == null ? 0 : nanos.sum() / 1_000_000;
  }

  /** A call to Xero, its time (waits for Xero's limits included) counted against the run. */
  private <T> T timed(long runId, Supplier<T> call) {
    long start = System.nanoTime();
    try {
      return call.get();
    } finally {
      long spent = System.nanoTime() - start;
      XERO_NANOS.get()[0] += spent;
      LongAdder nanos = inXero.get(runId);
      if (nanos != null) {
        nanos.add(spent);
      }
    }
  }

  // ---- import -----------------------------------------------------------------------------------

  /**
   * Works every pending item, with up to {@code ledgerbridge.import.parallel-batches} chunks in
   * progress at once (each one claim, one send, one record; the client's governor keeps Xero's
   * per-organisation limits); returns why it stopped early, or null.
   */
  private String importAll(ImportRun run, XeroTarget target) {
    Lanes lanes = new Lanes(run.getId());
    int parallel = Math.max(1, config.importParallelBatches());
    List<java.util.concurrent.Future<?>> others = new ArrayList<>();
    for (int i = 1; i < parallel; i++) {
      others.add(executor.submit(() -> lane(lanes, target)));
    }
    lane(lanes, target);
    for (java.util.concurrent.Future<?> other : others) {
      if (other.cancel(false)) {
        continue; // never started: nothing left for it
      }
      try {
        other.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        lanes.fail(e.getCause());
      }
    }
    if (lanes.failure != null) {
      if (lanes.failure instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(lanes.failure);
    }
    return lanes.stop.get();
  }

  /** One lane of a run: takes chunks until none is left, the run stops, or another lane failed. */
  private void lane(Lanes lanes, XeroTarget target) {
    Duration stale = Duration.ofSeconds(config.importStaleAfterSeconds());
    try {
      while (!lanes.over()) {
        List<ImportItem> chunk = lanes.next();
        if (chunk == null) {
          return;
        }
        if (chunk.isEmpty()) {
          sleep(Duration.ofMillis(200));
          continue;
        }
        try {
          long started = System.nanoTime();
          long xeroBefore = XERO_NANOS.get()[0];
          String stop = importChunk(lanes, target, chunk, stale);
          long inXeroHere = XERO_NANOS.get()[0] - xeroBefore;
          LongAdder own = ownTime.get(lanes.runId);
          if (own != null) {
            own.add(Math.max(0, System.nanoTime() - started - inXeroHere));
          }
          if (stop != null) {
            lanes.stop.compareAndSet(null, stop);
          }
        } catch (XeroException e) {
          lanes.stop.compareAndSet(null, "Stopped: " + e.getMessage());
        } finally {
          lanes.done(chunk);
        }
      }
    } catch (RuntimeException | Error e) {
      lanes.fail(e);
    }
  }

  /**
   * The chunks of one run shared by its lanes: each pending item is handed to one lane at a time,
   * in order; items another live run holds wait (deferred) and are offered again; items sent again
   * after no answer are found by reading from the start once the end is reached.
   */
  private final class Lanes {
    final long runId;
    final Set<Long> deferred = ConcurrentHashMap.newKeySet();
    final Map<Long, Integer> unanswered = new ConcurrentHashMap<>();
    final java.util.concurrent.atomic.AtomicReference<String> stop =
        new java.util.concurrent.atomic.AtomicReference<>();
    private final Set<Long> taken = new HashSet<>();
    private int from;
    private Instant waitingSince;
    volatile Throwable failure;

    /** Set when a lane "crashed" (test aid): the others end without recording anything either. */
    volatile boolean crashed;

    Lanes(long runId) {
      this.runId = runId;
    }

    boolean over() {
      return stop.get() != null || failure != null || crashed;
    }

    synchronized void fail(Throwable e) {
      if (e instanceof SimulatedCrash) {
        crashed = true;
      }
      if (failure == null) {
        failure = e;
      }
    }

    /**
     * The next chunk; empty when only chunks in other lanes' hands (or deferred ones not yet due)
     * are left, so the caller waits; null when the run has nothing more to do.
     */
    synchronized List<ImportItem> next() {
      Set<Long> exclude = new HashSet<>(taken);
      exclude.addAll(deferred);
      List<ImportItem> chunk = ledger.pending(runId, from, exclude, ImportLedger.CHUNK);
      if (chunk.isEmpty() && from > 0) {
        from = 0;
        chunk = ledger.pending(runId, 0, exclude, ImportLedger.CHUNK);
      }
      if (!chunk.isEmpty()) {
        from = chunk.get(chunk.size() - 1).getSeq() + 1;
        chunk.forEach(i -> taken.add(i.getId()));
        waitingSince = null;
        return chunk;
      }
      if (!taken.isEmpty()) {
        return List.of();
      }
      if (deferred.isEmpty()) {
        return null;
      }
      if (waitingSince == null) {
        waitingSince = Instant.now();
      } else if (Instant.now().isAfter(waitingSince.plusSeconds(config.importDeferSeconds()))) {
        List<Long> late = List.copyOf(deferred);
        step(
            () ->
                ledger.skip(
                    runId,
                    late,
                    "Another import run was sending this document and did not finish in time;"
                        + " not sent here. Import it again once that run is done."));
        deferred.clear();
        return null;
      }
      // Offer the deferred ones again after a pause.
      sleep(Duration.ofMillis(500));
      deferred.clear();
      return List.of();
    }

    private Boolean crashPlanned;

    /**
     * Test aid: whether this run "dies" after a send. Decided at its first send (taking one from
     * {@link #CRASH_AFTER_SEND}), then the same for every lane, so a run dies whole and takes one.
     */
    synchronized boolean crashAfterSend() {
      if (crashPlanned == null) {
        crashPlanned = CRASH_AFTER_SEND.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
      }
      return crashPlanned;
    }

    synchronized void done(List<ImportItem> chunk) {
      chunk.forEach(i -> taken.remove(i.getId()));
    }
  }

  private String importChunk(
      Lanes lanes, XeroTarget target, List<ImportItem> chunk, Duration stale) {
    long runId = lanes.runId;
    List<Long> itemIds = chunk.stream().map(ImportItem::getId).toList();
    int calls = 0;
    // Drafts about to be updated: their status now, so approved ones are left alone.
    List<XeroDocument> toUpdate = ledger.toUpdate(itemIds);
    Map<String, Observed> observed = new HashMap<>();
    if (!toUpdate.isEmpty()) {
      calls += timed(runId, () -> read(target, toUpdate, observed));
    }
    Claim claim = step(() -> ledger.claim(runId, itemIds, observed, stale));
    lanes.deferred.addAll(claim.deferred());
    if (calls > 0) {
      int made = calls;
      step(() -> ledger.calls(runId, made));
    }
    if (!claim.reconcile().isEmpty()) {
      reconcile(runId, target, claim.reconcile(), lanes.unanswered);
    }
    for (Batch batch : claim.batches()) {
      BatchResult<?> result = timed(runId, () -> send(target, batch));
      if (lanes.crashAfterSend()) {
        lanes.fail(new SimulatedCrash());
        throw new SimulatedCrash();
      }
      List<InFlight> unknown =
          step(() -> ledger.record(runId, batch, result.elements(), result.requests()));
      if (!unknown.isEmpty()) {
        reconcile(runId, target, unknown, lanes.unanswered);
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
    return switch (batch.family()) {
      case CREDIT_NOTES ->
          batch.update()
              ? client.saveCreditNotes(target, batch.creditNoteList(), options)
              : client.createCreditNotes(target, batch.creditNoteList(), options);
      case MANUAL_JOURNALS ->
          batch.update()
              ? client.saveManualJournals(target, batch.journals(), options)
              : client.createManualJournals(target, batch.journals(), options);
      case INVOICES ->
          batch.update()
              ? client.saveInvoices(target, batch.invoices(), options)
              : client.createInvoices(target, batch.invoices(), options);
    };
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
      for (Family family : Family.values()) {
        List<String> ids =
            updates.stream()
                .filter(f -> Family.of(f.xeroType()) == family)
                .map(InFlight::xeroId)
                .toList();
        if (!ids.isEmpty()) {
          calls++;
          observe(target, family, ids, seen);
        }
      }
      for (InFlight flight : updates) {
        findings.add(new Found(flight, seen.get(flight.xeroId())));
      }
    }
    if (!creates.isEmpty()) {
      List<Candidate> candidates = new ArrayList<>();
      for (Family family : Family.values()) {
        List<InFlight> mine =
            creates.stream().filter(f -> Family.of(f.xeroType()) == family).toList();
        if (mine.isEmpty()) {
          continue;
        }
        if (family == Family.MANUAL_JOURNALS) {
          calls++;
          candidates.addAll(
              journalCandidates(
                  target,
                  XeroQuery.all()
                      .withWhere(
                          narrations(
                              mine.stream()
                                  .map(InFlight::number)
                                  .filter(n -> n != null && !n.isBlank())
                                  .distinct()
                                  .toList()))));
          continue;
        }
        boolean notes = family == Family.CREDIT_NOTES;
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

  /** {@code Narration=="a" OR Narration=="b"}: Xero's optimised filter for journals. */
  private static String narrations(List<String> narrations) {
    return narrations.stream()
        .map(n -> "Narration==\"" + n.replace("\"", "'") + "\"")
        .collect(java.util.stream.Collectors.joining(" OR "));
  }

  /** {@code ManualJournalID==Guid("…") OR …}: journals cannot be read by a list of IDs. */
  private static String journalIds(List<String> ids) {
    return ids.stream()
        .map(id -> "ManualJournalID==Guid(\"" + id.replace("\"", "") + "\")")
        .collect(java.util.stream.Collectors.joining(" OR "));
  }

  /** Journals as reconciliation candidates: the total is the sum of the debits. */
  private List<Candidate> journalCandidates(XeroTarget target, XeroQuery query) {
    List<Candidate> out = new ArrayList<>();
    for (ManualJournal j : client.allManualJournals(target, query)) {
      out.add(
          new Candidate(
              j.manualJournalID,
              DocumentMapper.JOURNAL_TYPE,
              j.narration,
              null,
              j.date,
              debits(j),
              j.status));
    }
    return out;
  }

  private static BigDecimal debits(ManualJournal journal) {
    BigDecimal sum = BigDecimal.ZERO;
    if (journal.journalLines != null) {
      for (var line : journal.journalLines) {
        if (line.lineAmount != null && line.lineAmount.signum() > 0) {
          sum = sum.add(line.lineAmount);
        }
      }
    }
    return sum;
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

  /**
   * Reads the current status in Xero of these transactions' documents and records it, outside any
   * run; returns the number of calls.
   */
  public int readStatuses(XeroTarget target, List<Long> transactionIds, String actor) {
    List<XeroDocument> documents =
        previews.documents(transactionIds).values().stream()
            .filter(d -> d.getXeroId() != null)
            .toList();
    if (documents.isEmpty()) {
      return 0;
    }
    Map<String, Observed> observed = new HashMap<>();
    int calls = read(target, documents, observed);
    ledger.observed(transactionIds, observed, actor);
    return calls;
  }

  /** Reads the documents' current status; returns the number of calls. */
  private int read(
      XeroTarget target, Collection<XeroDocument> documents, Map<String, Observed> out) {
    int calls = 0;
    for (Family family : Family.values()) {
      List<String> ids =
          documents.stream()
              .filter(d -> Family.of(d.getXeroType()) == family)
              .map(XeroDocument::getXeroId)
              .toList();
      for (int from = 0; from < ids.size(); from += ImportLedger.CHUNK) {
        calls++;
        observe(
            target,
            family,
            ids.subList(from, Math.min(ids.size(), from + ImportLedger.CHUNK)),
            out);
      }
    }
    return calls;
  }

  private void observe(
      XeroTarget target, Family family, List<String> ids, Map<String, Observed> out) {
    if (family == Family.MANUAL_JOURNALS) {
      // Unpaged, Xero leaves the lines out; a status is all that is needed here.
      for (ManualJournal j :
          client.manualJournals(target, XeroQuery.all().withWhere(journalIds(ids))).items()) {
        out.put(j.manualJournalID, new Observed(j.manualJournalID, null, j.status, false));
      }
      return;
    }
    XeroQuery query = XeroQuery.all().withIds(ids);
    if (family == Family.CREDIT_NOTES) {
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
