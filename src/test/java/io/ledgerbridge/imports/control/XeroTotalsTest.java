package io.ledgerbridge.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ledgerbridge.imports.control.XeroTotals.AmountTypes;
import io.ledgerbridge.imports.control.XeroTotals.LineInput;
import io.ledgerbridge.imports.control.XeroTotals.Totals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class XeroTotalsTest {

  private final XeroTotals math = XeroTotals.standard();

  private static BigDecimal d(String text) {
    return new BigDecimal(text);
  }

  private static LineInput line(String qty, String unit, String rate) {
    return new LineInput(d(qty), d(unit), null, rate == null ? null : d(rate));
  }

  @Test
  void taxIsRoundedPerLineThenSummed() {
    // xero-api.md §5.5: 3.76 + 3.84 + 3.84 = 11.44, where the whole document would give 11.45.
    Totals t =
        math.totals(
            List.of(line("1", "25.07", "15"), line("1", "25.63", "15"), line("1", "25.63", "15")),
            AmountTypes.Exclusive);
    assertEquals(d("3.76"), t.lines().get(0).taxAmount());
    assertEquals(d("3.84"), t.lines().get(1).taxAmount());
    assertEquals(d("11.44"), t.totalTax());
    assertEquals(d("76.33"), t.subTotal());
    assertEquals(d("87.77"), t.total());
    assertEquals(d("11.45"), d("76.33").multiply(d("0.15")).setScale(2, RoundingMode.HALF_UP));
  }

  @Test
  void exclusiveSpecExample() {
    Totals t = math.totals(List.of(line("2", "20", "15")), AmountTypes.Exclusive);
    assertEquals(d("40.00"), t.subTotal());
    assertEquals(d("6.00"), t.totalTax());
    assertEquals(d("46.00"), t.total());
  }

  @Test
  void inclusivePurchaseOrderExample() {
    // xero-api.md §5.5: 50.00 incl @15% → 6.52; 420.00 → 54.78; 408.70 / 61.30 / 470.00.
    Totals t =
        math.totals(List.of(line("1", "50", "15"), line("1", "420", "15")), AmountTypes.Inclusive);
    assertEquals(d("6.52"), t.lines().get(0).taxAmount());
    assertEquals(d("54.78"), t.lines().get(1).taxAmount());
    assertEquals(d("408.70"), t.subTotal());
    assertEquals(d("61.30"), t.totalTax());
    assertEquals(d("470.00"), t.total());
  }

  @Test
  void noTaxIgnoresRates() {
    Totals t = math.totals(List.of(line("3", "1.111", "15")), AmountTypes.NoTax);
    assertEquals(d("3.33"), t.subTotal());
    assertEquals(d("0.00"), t.totalTax());
    assertEquals(d("3.33"), t.total());
  }

  @Test
  void discountIsAppliedBeforeRoundingTheLineAmount() {
    // 3 × 9.99 × 0.875 = 26.22375 → 26.22; tax 3.933 → 3.93
    Totals t =
        math.totals(
            List.of(new LineInput(d("3"), d("9.99"), d("12.5"), d("15"))), AmountTypes.Exclusive);
    assertEquals(d("26.22"), t.lines().get(0).lineAmount());
    assertEquals(d("3.93"), t.totalTax());
  }

  @Test
  void midpointModeIsAParameter() {
    assertEquals(d("0.13"), XeroTotals.standard().round2(d("0.125")));
    assertEquals(d("0.12"), new XeroTotals(RoundingMode.HALF_EVEN).round2(d("0.125")));
  }

  @Test
  void agreesWithTheSandboxLineByLine() {
    // The sandbox simulates Xero, the importer predicts it: the two copies of the rule must agree.
    String[][] cases = {
      {"1", "25.07", "0", "15"}, {"3", "9.99", "12.5", "15"}, {"7", "1.2345", "0", "12.5"},
      {"2.5", "19.99", "33.3", "9"}, {"1", "0.05", "0", "15"}, {"11", "3.33", "5", "20"}
    };
    for (AmountTypes types : AmountTypes.values()) {
      for (String[] c : cases) {
        BigDecimal amount = math.lineAmount(d(c[0]), d(c[1]), d(c[2]));
        assertEquals(
            io.ledgerbridge.sandbox.control.DocumentMath.lineAmount(d(c[0]), d(c[1]), d(c[2])),
            amount);
        assertEquals(
            io.ledgerbridge.sandbox.control.DocumentMath.lineTax(amount, d(c[3]), types.name()),
            math.lineTax(amount, d(c[3]), types));
      }
    }
  }
}
