package io.ledgerbridge.intake.control;

import io.ledgerbridge.intake.entity.ImportState;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.intake.entity.SourceTransaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Why a stored transaction cannot be imported into Xero yet (product.md §3, "importable when").
 * Pure: the state of the Xero connection and of contact links comes in as a {@link Context}, so
 * later components add their facts without changing the rules here.
 */
public final class Importability {

  /** A reason, with a stable code for the API and a sentence for people. */
  public record Reason(String code, String message) {}

  /**
   * The facts about a transaction the rules look at; both the entity and list rows provide them.
   */
  public record Facts(
      Long id,
      Kind kind,
      ImportState state,
      boolean voided,
      String contactCode,
      String contactName,
      int lineCount,
      java.math.BigDecimal total,
      String number,
      LocalDate date) {

    public static Facts of(SourceTransaction t) {
      return new Facts(
          t.getId(),
          t.getKind(),
          t.getState(),
          t.isVoided(),
          t.getContactCode(),
          t.getContactName(),
          t.getLineCount(),
          t.getTotal(),
          t.getNumber(),
          t.getDate());
    }
  }

  /** Where a source contact's link to a Xero contact stands. */
  public enum ContactLink {
    LINKED,
    UNLINKED,
    /** Linked to a Xero contact that has since been archived or merged. */
    STALE
  }

  /**
   * What the rules need to know beyond the transaction itself: the connection, contact links, the
   * accounting settings' verdicts on the transaction's lines (tax mapping, accounts; computed by
   * the caller, keyed by transaction id), the import window and the accounting method.
   */
  public record Context(
      boolean xeroConnected,
      Function<String, ContactLink> contactLink,
      Function<Long, List<Reason>> lineReasons,
      Predicate<LocalDate> insideImportWindow,
      LocalDate importWindowStart,
      boolean perpetual) {

    /** Until a Xero organisation is connected and contacts are matched, nothing is importable. */
    public static final Context NOT_CONNECTED =
        new Context(
            false, code -> ContactLink.UNLINKED, id -> List.of(), date -> true, null, false);
  }

  /**
   * Supplies the {@link Context} for a set of transactions. Implemented outside intake (by the
   * imports component, which knows the connection, contact links and settings), so intake's pages
   * and API show the real reasons without depending on those components.
   */
  public interface ContextSource {
    Context contextFor(java.util.Collection<Facts> transactions);
  }

  private Importability() {}

  public static List<Reason> reasons(Facts t, Context context) {
    List<Reason> reasons = new ArrayList<>();
    switch (t.state()) {
      case DO_NOT_IMPORT -> reasons.add(new Reason("DO_NOT_IMPORT", "Marked Do Not Import."));
      case APPROVED_IN_XERO ->
          reasons.add(
              new Reason(
                  "APPROVED_IN_XERO",
                  "The Xero document has been approved; LedgerBridge will not change it."));
      case IMPORTED ->
          reasons.add(
              new Reason("ALREADY_IMPORTED", "Already in Xero as a draft, and unchanged since."));
      case CONSOLIDATED ->
          reasons.add(new Reason("CONSOLIDATED", "Imported as part of a summary document."));
      default -> {}
    }
    if (!context.xeroConnected()) {
      reasons.add(new Reason("XERO_NOT_CONNECTED", "Xero is not connected."));
    }
    Kind kind = t.kind();
    if (t.voided()) {
      reasons.add(new Reason("VOIDED", "Voided in the inventory system."));
    }
    if (kind.hasContact()) {
      if (t.contactCode() == null) {
        reasons.add(new Reason("NO_CONTACT", "Has no contact."));
      } else {
        String who =
            "Contact "
                + t.contactCode()
                + (t.contactName() == null ? "" : " (" + t.contactName() + ")");
        switch (context.contactLink().apply(t.contactCode())) {
          case UNLINKED ->
              reasons.add(
                  new Reason("CONTACT_NOT_LINKED", who + " is not linked to a Xero contact."));
          case STALE ->
              reasons.add(
                  new Reason(
                      "CONTACT_LINK_STALE",
                      who
                          + " is linked to a Xero contact that has been archived or merged; link"
                          + " it again."));
          default -> {}
        }
      }
    }
    if (t.id() != null) {
      reasons.addAll(context.lineReasons().apply(t.id()));
    }
    if (t.date() != null && !context.insideImportWindow().test(t.date())) {
      reasons.add(
          new Reason(
              "OUTSIDE_IMPORT_WINDOW",
              "Dated "
                  + t.date()
                  + ", before the import window"
                  + (context.importWindowStart() == null
                      ? "."
                      : " (from " + context.importWindowStart() + ").")));
    }
    if (t.lineCount() == 0 && kind.received()) { // an empty month journal deletes its draft
      reasons.add(new Reason("NO_LINES", "Has no lines."));
    }
    if (!kind.journal() && (t.total() == null || t.total().signum() == 0)) {
      reasons.add(new Reason("ZERO_TOTAL", "The total is zero."));
    }
    if (t.number() == null) {
      switch (kind) {
        case PURCHASE -> reasons.add(new Reason("NO_NUMBER", "Has no supplier invoice number."));
        case SUPPLIER_CREDIT ->
            reasons.add(new Reason("NO_NUMBER", "Has no supplier credit note number."));
        case CUSTOMER_CREDIT -> reasons.add(new Reason("NO_NUMBER", "Has no credit note number."));
        default -> {}
      }
    }
    if (kind.journal() && kind != Kind.CLOSING_STOCK && !context.perpetual()) {
      reasons.add(
          new Reason(
              "NOT_PERPETUAL",
              (kind == Kind.COGS ? "COGS journals are" : "Stock adjustments are")
                  + " not used under the periodic inventory method (the accounting settings say"
                  + " periodic): the stocktake's closing-stock journal accounts for them."));
    }
    if (kind == Kind.CLOSING_STOCK && context.perpetual()) {
      reasons.add(
          new Reason(
              "NOT_PERIODIC",
              "Closing-stock journals are used under the periodic inventory method only (the"
                  + " accounting settings say perpetual): COGS and stock adjustment journals keep"
                  + " the inventory account up to date."));
    }
    return reasons;
  }

  /** States in which a transaction is waiting for someone to import it. */
  public static boolean isWaiting(ImportState state) {
    return state == ImportState.NOT_IMPORTED
        || state == ImportState.CHANGED
        || state == ImportState.FAILED;
  }
}
