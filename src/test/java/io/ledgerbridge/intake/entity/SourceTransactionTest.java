package io.ledgerbridge.intake.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The version rule: the inventory system's retries and reorderings never undo a newer version. */
class SourceTransactionTest {

  private static final Instant T0 = Instant.parse("2024-03-15T10:00:00Z");
  private static final Instant T1 = Instant.parse("2024-03-15T11:00:00Z");

  private static TransactionContent content(String total, Line... lines) {
    return new TransactionContent(
        "INV-1",
        "PO 7",
        new Contact("C-1", "Acme Ltd", null, null, null, null),
        LocalDate.of(2024, 3, 15),
        null,
        null,
        "NZD",
        null,
        "Main",
        null,
        null,
        false,
        List.of(lines),
        new BigDecimal(total),
        false);
  }

  private static Line line(String sku, String quantity, String price) {
    return new Line(
        sku, null, new BigDecimal(quantity), new BigDecimal(price), null, null, null, null);
  }

  private static SourceTransaction received(long version) {
    return SourceTransaction.receive(
        Kind.SALE, "S-1", version, content("20.00", line("A", "2", "10")), T0);
  }

  @Test
  void aNewTransactionIsNotImportedAndHoldsWhatWasSent() {
    SourceTransaction t = received(3);

    assertEquals(ImportState.NOT_IMPORTED, t.getState());
    assertEquals(3, t.getSourceVersion());
    assertEquals(1, t.getLineCount());
    assertEquals(new BigDecimal("20.00"), t.getTotal());
    assertEquals("Acme Ltd", t.getContactName());
    assertEquals(T0, t.getReceivedAt());
    assertEquals(T0, t.getUpdatedAt());
    assertEquals(List.of(line("A", "2", "10")), t.content().lines());
  }

  @Test
  void aHigherVersionReplacesTheContentAndLinesWhole() {
    SourceTransaction t = received(3);

    SourceTransaction.Outcome outcome =
        t.receiveVersion(5, content("35.00", line("B", "1", "15"), line("C", "4", "5")), T1);

    assertEquals(SourceTransaction.Outcome.UPDATED, outcome);
    assertEquals(5, t.getSourceVersion());
    assertEquals(2, t.getLineCount());
    assertEquals(List.of(line("B", "1", "15"), line("C", "4", "5")), t.content().lines());
    assertEquals(List.of(1, 2), t.getLines().stream().map(TransactionLine::getLineNo).toList());
    assertEquals(new BigDecimal("35.00"), t.getTotal());
    assertEquals(T0, t.getReceivedAt());
    assertEquals(T1, t.getUpdatedAt());
  }

  @Test
  void theSameVersionAgainIsUnchangedEvenWithOtherContent() {
    SourceTransaction t = received(3);

    assertEquals(SourceTransaction.Outcome.UNCHANGED, t.receiveVersion(3, content("99.00"), T1));
    assertEquals(new BigDecimal("20.00"), t.getTotal());
    assertEquals(1, t.getLineCount());
    assertEquals(T0, t.getUpdatedAt());
  }

  @Test
  void anOlderVersionArrivingLateIsUnchanged() {
    SourceTransaction t = received(3);

    assertEquals(SourceTransaction.Outcome.UNCHANGED, t.receiveVersion(2, content("99.00"), T1));
    assertEquals(3, t.getSourceVersion());
    assertEquals(new BigDecimal("20.00"), t.getTotal());
  }

  @Test
  void stateAfterANewVersionAtTheSource() {
    Map<ImportState, ImportState> expected =
        Map.of(
            ImportState.NOT_IMPORTED, ImportState.NOT_IMPORTED,
            ImportState.IMPORTED, ImportState.CHANGED,
            ImportState.CHANGED, ImportState.CHANGED,
            ImportState.CONSOLIDATED, ImportState.CHANGED,
            ImportState.FAILED, ImportState.NOT_IMPORTED,
            ImportState.APPROVED_IN_XERO, ImportState.APPROVED_IN_XERO,
            ImportState.DO_NOT_IMPORT, ImportState.DO_NOT_IMPORT);
    for (ImportState state : ImportState.values()) {
      assertEquals(
          expected.get(state), SourceTransaction.stateAfterSourceChange(state), state.name());
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = ImportState.class,
      names = {"IMPORTED", "FAILED", "APPROVED_IN_XERO"})
  void receiveVersionAppliesTheStateRuleOnlyWhenTheVersionIsNewer(ImportState state)
      throws Exception {
    SourceTransaction t = received(3);
    inState(t, state);

    t.receiveVersion(3, content("99.00"), T1);
    assertEquals(state, t.getState(), "a retry of the same version changes nothing");

    t.receiveVersion(4, content("99.00"), T1);
    assertEquals(SourceTransaction.stateAfterSourceChange(state), t.getState());
  }

  @Test
  void aDraftInXeroIsMarkedChangedByANewVersion() throws Exception {
    SourceTransaction t = received(3);
    inState(t, ImportState.IMPORTED);

    t.receiveVersion(4, content("99.00"), T1);

    assertEquals(ImportState.CHANGED, t.getState());
  }

  /** Stands in for the import component's transitions (markImported, …), which do not exist yet. */
  private static void inState(SourceTransaction t, ImportState state) throws Exception {
    Field field = SourceTransaction.class.getDeclaredField("state");
    field.setAccessible(true);
    field.set(t, state);
  }
}
