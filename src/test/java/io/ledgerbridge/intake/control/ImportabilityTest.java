package io.ledgerbridge.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.intake.control.Importability.ContactLink;
import io.ledgerbridge.intake.control.Importability.Context;
import io.ledgerbridge.intake.control.Importability.Facts;
import io.ledgerbridge.intake.control.Importability.Reason;
import io.ledgerbridge.intake.entity.ImportState;
import io.ledgerbridge.intake.entity.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Why a stored transaction cannot be imported yet: the reasons a user sees next to it. */
class ImportabilityTest {

  private static final Context READY =
      new Context(
          true,
          code -> code.equals("C-1") ? ContactLink.LINKED : ContactLink.UNLINKED,
          id -> List.of(),
          date -> true,
          null,
          false);

  private static Facts sale(ImportState state) {
    return new Facts(
        null,
        Kind.SALE,
        state,
        false,
        "C-1",
        "Acme Ltd",
        2,
        new BigDecimal("21.50"),
        "INV-1",
        null);
  }

  private static List<String> codes(Facts facts, Context context) {
    return Importability.reasons(facts, context).stream().map(Reason::code).toList();
  }

  @Test
  void aCompleteSaleWithALinkedContactIsImportableOnceXeroIsConnected() {
    assertEquals(List.of(), codes(sale(ImportState.NOT_IMPORTED), READY));
    assertEquals(List.of(), codes(sale(ImportState.CHANGED), READY));
    assertEquals(List.of(), codes(sale(ImportState.FAILED), READY));
  }

  @Test
  void untilXeroIsConnectedNothingIsImportableAndContactsAreNotLinked() {
    List<Reason> reasons =
        Importability.reasons(sale(ImportState.NOT_IMPORTED), Context.NOT_CONNECTED);

    assertEquals(
        List.of("XERO_NOT_CONNECTED", "CONTACT_NOT_LINKED"),
        reasons.stream().map(Reason::code).toList());
    assertEquals(
        "Contact C-1 (Acme Ltd) is not linked to a Xero contact.", reasons.get(1).message());
  }

  @Test
  void anUnlinkedContactWithoutANameIsNamedByCode() {
    Facts facts =
        new Facts(
            null,
            Kind.SALE,
            ImportState.NOT_IMPORTED,
            false,
            "C-9",
            null,
            1,
            BigDecimal.TEN,
            "I",
            null);

    assertEquals(
        List.of(new Reason("CONTACT_NOT_LINKED", "Contact C-9 is not linked to a Xero contact.")),
        Importability.reasons(facts, READY));
  }

  @Test
  void statesThatAreNotWaitingGiveTheirOwnReason() {
    assertEquals(List.of("DO_NOT_IMPORT"), codes(sale(ImportState.DO_NOT_IMPORT), READY));
    assertEquals(List.of("APPROVED_IN_XERO"), codes(sale(ImportState.APPROVED_IN_XERO), READY));
    assertEquals(List.of("ALREADY_IMPORTED"), codes(sale(ImportState.IMPORTED), READY));
    assertEquals(List.of("CONSOLIDATED"), codes(sale(ImportState.CONSOLIDATED), READY));
  }

  @Test
  void everyProblemOfATransactionIsListedNotJustTheFirst() {
    Facts facts =
        new Facts(
            null,
            Kind.PURCHASE,
            ImportState.NOT_IMPORTED,
            true,
            null,
            null,
            0,
            BigDecimal.ZERO,
            null,
            null);

    List<Reason> reasons = Importability.reasons(facts, READY);
    assertEquals(
        List.of("VOIDED", "NO_CONTACT", "NO_LINES", "ZERO_TOTAL", "NO_NUMBER"),
        reasons.stream().map(Reason::code).toList());
    assertEquals("Has no supplier invoice number.", reasons.get(4).message());
  }

  @Test
  void aMissingTotalCountsAsZero() {
    Facts facts =
        new Facts(
            null, Kind.SALE, ImportState.NOT_IMPORTED, false, "C-1", "Acme", 1, null, "I", null);

    assertEquals(List.of("ZERO_TOTAL"), codes(facts, READY));
  }

  @Test
  void onlyBillsAndCreditNotesNeedADocumentNumber() {
    Facts saleWithoutNumber =
        new Facts(
            null,
            Kind.SALE,
            ImportState.NOT_IMPORTED,
            false,
            "C-1",
            "A",
            1,
            BigDecimal.ONE,
            null,
            null);
    assertEquals(List.of(), codes(saleWithoutNumber, READY));
    assertEquals(
        List.of(new Reason("NO_NUMBER", "Has no supplier credit note number.")),
        Importability.reasons(
            new Facts(
                null,
                Kind.SUPPLIER_CREDIT,
                ImportState.NOT_IMPORTED,
                false,
                "C-1",
                "A",
                1,
                BigDecimal.ONE,
                null,
                null),
            READY));
    assertEquals(
        List.of(new Reason("NO_NUMBER", "Has no credit note number.")),
        Importability.reasons(
            new Facts(
                null,
                Kind.CUSTOMER_CREDIT,
                ImportState.NOT_IMPORTED,
                false,
                "C-1",
                "A",
                1,
                BigDecimal.ONE,
                null,
                null),
            READY));
  }

  @Test
  void stockAdjustmentsNeedNoContactOrTotalButWaitForPerpetualInventory() {
    Facts facts =
        new Facts(
            null,
            Kind.STOCK_ADJUSTMENT,
            ImportState.NOT_IMPORTED,
            false,
            null,
            null,
            1,
            null,
            null,
            null);

    assertEquals(List.of("NOT_PERPETUAL"), codes(facts, READY));
  }

  @Test
  void underThePerpetualMethodAStockAdjustmentWithoutContactOrTotalIsReady() {
    Facts facts =
        new Facts(
            7L,
            Kind.STOCK_ADJUSTMENT,
            ImportState.NOT_IMPORTED,
            false,
            null,
            null,
            1,
            null,
            null,
            null);
    Context perpetual =
        new Context(true, code -> ContactLink.LINKED, id -> List.of(), d -> true, null, true);
    assertEquals(List.of(), codes(facts, perpetual));
  }

  @Test
  void aStaleLinkTheSettingsVerdictsAndTheImportWindowAreReasonsToo() {
    Facts facts =
        new Facts(
            42L,
            Kind.SALE,
            ImportState.NOT_IMPORTED,
            false,
            "C-1",
            "Acme Ltd",
            1,
            BigDecimal.TEN,
            "INV-1",
            LocalDate.of(2025, 1, 31));
    Reason unmapped =
        new Reason("TAX_CODE_UNMAPPED", "Tax code GST is not mapped to a Xero tax type for sales.");
    Context context =
        new Context(
            true,
            code -> ContactLink.STALE,
            id -> id == 42L ? List.of(unmapped) : List.of(),
            date -> date.isAfter(LocalDate.of(2025, 6, 30)),
            LocalDate.of(2025, 7, 1),
            false);

    List<Reason> reasons = Importability.reasons(facts, context);
    assertEquals(
        List.of("CONTACT_LINK_STALE", "TAX_CODE_UNMAPPED", "OUTSIDE_IMPORT_WINDOW"),
        reasons.stream().map(Reason::code).toList());
    assertEquals(
        "Dated 2025-01-31, before the import window (from 2025-07-01).", reasons.get(2).message());
  }

  @Test
  void waitingStatesAreTheOnesSomeoneStillHasToImport() {
    EnumSet<ImportState> waiting = EnumSet.noneOf(ImportState.class);
    for (ImportState state : ImportState.values()) {
      if (Importability.isWaiting(state)) {
        waiting.add(state);
      }
    }
    assertEquals(
        EnumSet.of(ImportState.NOT_IMPORTED, ImportState.CHANGED, ImportState.FAILED), waiting);
    assertFalse(Importability.isWaiting(ImportState.APPROVED_IN_XERO));
    assertTrue(Importability.isWaiting(ImportState.FAILED));
  }
}
