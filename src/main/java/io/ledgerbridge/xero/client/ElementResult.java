package io.ledgerbridge.xero.client;

import io.ledgerbridge.xero.client.wire.XeroElement;
import java.util.List;

/**
 * What became of one element of a write, in the caller's order.
 *
 * @param index the element's position in the caller's list
 * @param element Xero's answer for it (the saved document, or its echo with errors); null when no
 *     answer came
 * @param id the document's id (InvoiceID, …) when saved; null otherwise
 * @param number InvoiceNumber / CreditNoteNumber / ContactNumber where there is one
 * @param status the document's status in Xero (DRAFT, AUTHORISED, POSTED, ACTIVE, …)
 * @param errors Xero's validation messages, or the request's failure message
 * @param failure the request-level failure for FAILED, AMBIGUOUS and NOT_SENT; null otherwise
 */
public record ElementResult<T extends XeroElement>(
    int index,
    Outcome outcome,
    T element,
    String id,
    String number,
    String status,
    List<String> errors,
    List<String> warnings,
    XeroException failure) {

  public enum Outcome {
    /** Saved. */
    OK,
    /** Saved, with Xero's warnings. */
    WARNING,
    /** Refused by Xero's validation; nothing was saved for it. */
    ERROR,
    /** The whole request was refused (a 400 without per-element answers); nothing was saved. */
    FAILED,
    /** No answer after retries: it may exist in Xero. Reconcile before sending it again. */
    AMBIGUOUS,
    /** Not sent (or certainly not applied): an earlier failure stopped the write. */
    NOT_SENT
  }

  public boolean saved() {
    return outcome == Outcome.OK || outcome == Outcome.WARNING;
  }
}
