package io.ledgerbridge.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentMathTest {

  private static final BigDecimal GST = new BigDecimal("15.0000");

  private static BigDecimal d(String text) {
    return new BigDecimal(text);
  }

  @Test
  void taxIsRoundedPerLineThenSummed() {
    // xero-api.md §5.5: 3.76 + 3.84 + 3.84 = 11.44 where the whole document would give 11.45.
    List<BigDecimal> amounts = List.of(d("25.09"), d("25.63"), d("25.63"));
    List<BigDecimal> taxes =
        amounts.stream().map(a -> DocumentMath.lineTax(a, GST, "Exclusive")).toList();
    assertEquals(List.of(d("3.76"), d("3.84"), d("3.84")), taxes);
    DocumentMath.Totals totals = DocumentMath.totals(amounts, taxes, "Exclusive");
    assertEquals(d("76.35"), totals.subTotal());
    assertEquals(d("11.44"), totals.totalTax());
    assertEquals(d("87.79"), totals.total());
    assertEquals(d("11.45"), DocumentMath.round2(d("76.35").multiply(d("0.15"))));
  }

  @Test
  void inclusiveTaxIsTheTaxPartOfTheAmount() {
    // The docs' purchase-order example: 50.00 and 420.00 incl. 15%.
    assertEquals(d("6.52"), DocumentMath.lineTax(d("50.00"), GST, "Inclusive"));
    assertEquals(d("54.78"), DocumentMath.lineTax(d("420.00"), GST, "Inclusive"));
    DocumentMath.Totals totals =
        DocumentMath.totals(
            List.of(d("50.00"), d("420.00")), List.of(d("6.52"), d("54.78")), "Inclusive");
    assertEquals(d("408.70"), totals.subTotal());
    assertEquals(d("61.30"), totals.totalTax());
    assertEquals(d("470.00"), totals.total());
  }

  @Test
  void exclusiveSpecExampleAndNoTax() {
    assertEquals(d("6.00"), DocumentMath.lineTax(d("40.00"), GST, "Exclusive"));
    assertEquals(d("0.00"), DocumentMath.lineTax(d("40.00"), GST, "NoTax"));
    DocumentMath.Totals noTax =
        DocumentMath.totals(List.of(d("40.00")), List.of(d("6.00")), "NoTax");
    assertEquals(d("40.00"), noTax.total());
    assertEquals(d("0.00"), noTax.totalTax());
  }

  @Test
  void lineAmountAppliesTheDiscountAndRoundsHalfAwayFromZero() {
    assertEquals(d("36.00"), DocumentMath.lineAmount(d("2"), d("20"), d("10")));
    assertEquals(d("0.01"), DocumentMath.lineAmount(d("1"), d("0.005"), null));
    assertEquals(d("-0.01"), DocumentMath.lineAmount(d("1"), d("-0.005"), BigDecimal.ZERO));
    assertEquals(d("33.33"), DocumentMath.lineAmount(d("3"), d("11.1111"), null));
  }

  @Test
  void lineAmountTypesAreNormalised() {
    assertEquals("NoTax", DocumentMath.lineAmountTypes("NOTAX"));
    assertEquals("Exclusive", DocumentMath.lineAmountTypes(null));
    assertNull(DocumentMath.lineAmountTypes("Gross"));
  }

  @Test
  void statusTransitionsAndTaxFlags() {
    assertTrue(DocumentRules.mayBecome("DRAFT", "AUTHORISED"));
    assertTrue(DocumentRules.mayBecome("SUBMITTED", "DRAFT"));
    assertTrue(DocumentRules.mayBecome("AUTHORISED", "VOIDED"));
    assertFalse(DocumentRules.mayBecome("AUTHORISED", "DRAFT"));
    assertFalse(DocumentRules.mayBecome("AUTHORISED", "DELETED"));
    assertFalse(DocumentRules.mayBecome("PAID", "VOIDED"));
    assertFalse(DocumentRules.mayBecome("DRAFT", "PAID"));
    assertFalse(DocumentRules.canApply("REVENUE", true, true, true, true, false));
    assertTrue(DocumentRules.canApply("EXPENSE", false, false, true, false, false));
  }
}
