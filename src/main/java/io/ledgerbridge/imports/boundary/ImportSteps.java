package io.ledgerbridge.imports.boundary;

import io.ledgerbridge.imports.control.DocumentMapper;
import io.ledgerbridge.imports.control.DocumentMapper.Mapping;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.xero.client.wire.CreditNote;
import io.ledgerbridge.xero.client.wire.Invoice;
import io.ledgerbridge.xero.client.wire.ManualJournal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The values passed between the import worker and {@link ImportLedger}'s transactions. */
public final class ImportSteps {

  private ImportSteps() {}

  /** The three kinds of Xero document the engine sends, each with its own endpoint. */
  public enum Family {
    INVOICES,
    CREDIT_NOTES,
    MANUAL_JOURNALS;

    /** The family of a {@code xero_type}: ACCREC/ACCPAY, …CREDIT, or a manual journal. */
    public static Family of(String xeroType) {
      if (DocumentMapper.JOURNAL_TYPE.equals(xeroType)) {
        return MANUAL_JOURNALS;
      }
      return xeroType != null && xeroType.endsWith("CREDIT") ? CREDIT_NOTES : INVOICES;
    }
  }

  /** What Xero says of a document now (from a read by id). */
  public record Observed(String xeroId, String number, String status, boolean settled) {}

  /** One document to send: an item of a run, and exactly what goes to Xero. */
  public record Send(
      long itemId,
      long transactionId,
      Kind kind,
      Mapping mapping,
      String hash,
      long sourceVersion,
      BigDecimal total,
      boolean update) {

    public Invoice invoice() {
      return mapping.invoice();
    }

    public CreditNote creditNote() {
      return mapping.creditNote();
    }

    public ManualJournal journal() {
      return mapping.journal();
    }

    public Family family() {
      return Family.of(mapping.xeroType());
    }
  }

  /**
   * One request's worth of documents, claimed in flight under {@code key}: all creates (PUT) or all
   * updates (POST), all of one {@link Family}.
   */
  public record Batch(List<Send> documents, String key, boolean update, boolean unitdp4) {

    public Batch {
      documents = List.copyOf(documents);
    }

    public Family family() {
      return documents.isEmpty() ? Family.INVOICES : documents.get(0).family();
    }

    public List<Invoice> invoices() {
      return documents.stream().map(Send::invoice).toList();
    }

    public List<CreditNote> creditNoteList() {
      return documents.stream().map(Send::creditNote).toList();
    }

    public List<ManualJournal> journals() {
      return documents.stream().map(Send::journal).toList();
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
