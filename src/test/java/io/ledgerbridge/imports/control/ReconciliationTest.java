package io.ledgerbridge.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.imports.control.Reconciliation.Candidate;
import io.ledgerbridge.imports.control.Reconciliation.Sought;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

  private static final LocalDate DAY = LocalDate.of(2026, 10, 5);
  private static final String SUPPLIER = "c0000000-0000-0000-0000-000000000001";
  private static final String OTHER = "c0000000-0000-0000-0000-000000000002";

  private static Candidate doc(
      String id,
      String type,
      String number,
      String contact,
      LocalDate date,
      String total,
      String status) {
    return new Candidate(id, type, number, contact, date, new BigDecimal(total), status);
  }

  @Test
  void salesInvoicesAreFoundByTheirUniqueNumberWhateverTheCase() {
    Sought sought = new Sought("ACCREC", "INV-7", SUPPLIER, DAY, new BigDecimal("11.50"));
    List<Candidate> read =
        List.of(
            doc("a", "ACCPAY", "INV-7", SUPPLIER, DAY, "11.50", "DRAFT"),
            doc("b", "ACCREC", "inv-7", OTHER, DAY.plusDays(1), "99.00", "DRAFT"));
    assertEquals("b", Reconciliation.match(sought, read, Set.of()).orElseThrow().xeroId());
  }

  @Test
  void aManualJournalHasNoContactAndIsFoundByItsNarrationToken() {
    String narration = "Stock adjustment ADJ-1 · Write-off [LedgerBridge ADJ-1]";
    Sought sought =
        new Sought(DocumentMapper.JOURNAL_TYPE, narration, null, DAY, new BigDecimal("12.00"));
    List<Candidate> read =
        List.of(
            doc("voided", DocumentMapper.JOURNAL_TYPE, narration, null, DAY, "12.00", "VOIDED"),
            doc(
                "other",
                DocumentMapper.JOURNAL_TYPE,
                "Stock adjustment ADJ-2",
                null,
                DAY,
                "12.00",
                "DRAFT"),
            doc("it", DocumentMapper.JOURNAL_TYPE, narration, null, DAY, "12.00", "DRAFT"));
    assertEquals("it", Reconciliation.match(sought, read, Set.of()).orElseThrow().xeroId());
  }

  @Test
  void deletedVoidedAndAlreadyHeldDocumentsNeverMatch() {
    Sought sought = new Sought("ACCREC", "INV-7", SUPPLIER, DAY, new BigDecimal("11.50"));
    assertTrue(
        Reconciliation.match(
                sought,
                List.of(
                    doc("a", "ACCREC", "INV-7", SUPPLIER, DAY, "11.50", "DELETED"),
                    doc("b", "ACCREC", "INV-7", SUPPLIER, DAY, "11.50", "VOIDED"),
                    doc("c", "ACCREC", "INV-7", SUPPLIER, DAY, "11.50", "DRAFT")),
                Set.of("c"))
            .isEmpty());
  }

  @Test
  void billsNeedContactNumberDateAndTotalToAgree() {
    Sought sought = new Sought("ACCPAY", "S-100", SUPPLIER, DAY, new BigDecimal("230.00"));
    List<Candidate> read =
        List.of(
            doc("other-supplier", "ACCPAY", "S-100", OTHER, DAY, "230.00", "DRAFT"),
            doc("other-day", "ACCPAY", "S-100", SUPPLIER, DAY.minusDays(1), "230.00", "DRAFT"),
            doc("other-total", "ACCPAY", "S-100", SUPPLIER, DAY, "230.01", "DRAFT"),
            doc("it", "ACCPAY", "S-100", SUPPLIER, DAY, "230.0000", "DRAFT"));
    assertEquals("it", Reconciliation.match(sought, read, Set.of()).orElseThrow().xeroId());
    assertTrue(Reconciliation.match(sought, read.subList(0, 3), Set.of()).isEmpty());
  }

  @Test
  void supplierCreditNotesAreMatchedLikeBillsAndTheSecondOfTwoTwinsFindsTheOther() {
    Sought first = new Sought("ACCPAYCREDIT", "SC-1", SUPPLIER, DAY, new BigDecimal("10.00"));
    List<Candidate> read =
        List.of(
            doc("x", "ACCPAYCREDIT", "SC-1", SUPPLIER, DAY, "10.00", "DRAFT"),
            doc("y", "ACCPAYCREDIT", "SC-1", SUPPLIER, DAY, "10.00", "DRAFT"));
    Candidate one = Reconciliation.match(first, read, Set.of()).orElseThrow();
    Candidate two = Reconciliation.match(first, read, Set.of(one.xeroId())).orElseThrow();
    assertTrue(!one.xeroId().equals(two.xeroId()));
  }
}
