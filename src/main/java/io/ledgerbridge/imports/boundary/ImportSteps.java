package io.ledgerbridge.imports.boundary;

import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.xero.client.wire.CreditNote;
import io.ledgerbridge.xero.client.wire.Invoice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The values passed between the import worker and {@link ImportLedger}'s transactions. */
public final class ImportSteps {

  private ImportSteps() {}

  /** What Xero says of a document now (from a read by id). */
  public record Observed(String xeroId, String number, String status, boolean settled) {}

  /** One document to send: an item of a run, and exactly what goes to Xero. */
  public record Send(
      long itemId,
      long transactionId,
      Kind kind,
      Invoice invoice,
      CreditNote creditNote,
      String hash,
      long sourceVersion,
      BigDecimal total,
      boolean update) {

    public boolean isCreditNote() {
      return creditNote != null;
    }
  }

  /**
   * One request's worth of documents, claimed in flight under {@code key}: all creates (PUT) or all
   * updates (POST), all invoices or all credit notes.
   */
  public record Batch(List<Send> documents, String key, boolean update, boolean unitdp4) {

    public Batch {
      documents = List.copyOf(documents);
    }

    public boolean creditNotes() {
      return !documents.isEmpty() && documents.get(0).isCreditNote();
    }

    public List<Invoice> invoices() {
      return documents.stream().map(Send::invoice).toList();
    }

    public List<CreditNote> creditNoteList() {
      return documents.stream().map(Send::creditNote).toList();
    }
  }

  /**
   * A document found in flight (an earlier send that never heard back: a crash, a time-out, a
   * dropped answer): what was being sent, so Xero can be searched for it before anything is sent
   * again.
   */
  public record InFlight(
      long itemId,
      long transactionId,
      Kind kind,
      boolean update,
      String xeroId,
      String xeroType,
      String contactId,
      String number,
      LocalDate date,
      BigDecimal total,
      String hash,
      Long sourceVersion) {}

  /**
   * The result of claiming a chunk of items: what to send, what to look for in Xero first, and the
   * items left pending because another live run is sending them.
   */
  public record Claim(List<Batch> batches, List<InFlight> reconcile, List<Long> deferred) {

    public Claim {
      batches = List.copyOf(batches);
      reconcile = List.copyOf(reconcile);
      deferred = List.copyOf(deferred);
    }
  }

  /** A reconciliation's finding for one in-flight document; {@code found} null when not in Xero. */
  public record Found(InFlight inFlight, Observed found) {}
}
