package io.ledgerbridge.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.imports.control.DocumentMapper.Mapping;
import io.ledgerbridge.intake.entity.Contact;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.intake.entity.Line;
import io.ledgerbridge.intake.entity.TransactionContent;
import io.ledgerbridge.settings.control.AccountResolver;
import io.ledgerbridge.settings.entity.AccountRole;
import io.ledgerbridge.settings.entity.AccountingMethod;
import io.ledgerbridge.settings.entity.AccountingSettings;
import io.ledgerbridge.settings.entity.DateSource;
import io.ledgerbridge.settings.entity.Numbering;
import io.ledgerbridge.settings.entity.PerDirection;
import io.ledgerbridge.settings.entity.SourceField;
import io.ledgerbridge.settings.entity.TrackingMapping;
import io.ledgerbridge.xero.client.wire.CreditNote;
import io.ledgerbridge.xero.client.wire.Invoice;
import io.ledgerbridge.xero.client.wire.LineItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentMapperTest {

  private static final String CONTACT_ID = "430fa14a-f945-44d3-9f97-5df5e28441b8";
  private static final LocalDate DATE = LocalDate.of(2026, 3, 11);

  private static BigDecimal d(String text) {
    return new BigDecimal(text);
  }

  private static AccountingSettings settings(Integer terms, BigDecimal tolerance) {
    return new AccountingSettings(
        AccountingMethod.PERIODIC,
        Map.of(
            AccountRole.SALES, "200",
            AccountRole.PURCHASES, "300",
            AccountRole.ROUNDING, "860"),
        null,
        Map.of(
            "GST",
            new PerDirection("OUTPUT2", "INPUT2"),
            "ZERO",
            new PerDirection("ZERORATEDOUTPUT", "ZERORATEDINPUT")),
        List.of(
            new TrackingMapping("Region", SourceField.BRANCH, Map.of("AKL", "North")),
            new TrackingMapping("Channel", SourceField.CHANNEL, Map.of("web", "Online"))),
        new Numbering("SO-", "CN-", "{reference} / {channel}", "{reference}"),
        DateSource.INVOICE_DATE,
        terms,
        tolerance,
        null);
  }

  private static DocumentMapper mapper(AccountingSettings settings) {
    return new DocumentMapper(
        settings,
        new AccountResolver(settings, null),
        type ->
            switch (type) {
              case "OUTPUT2", "INPUT2" -> Optional.of(d("15"));
              case "ZERORATEDOUTPUT", "ZERORATEDINPUT", "NONE" -> Optional.of(BigDecimal.ZERO);
              default -> Optional.empty();
            },
        "NZD",
        "https://lb.example.com/ledgerbridge/",
        XeroTotals.standard());
  }

  private static DocumentMapper mapper() {
    return mapper(settings(null, null));
  }

  private static Line line(String qty, String unit, String discount, String tax) {
    return new Line(
        "WID-BLU",
        "Widget blue",
        d(qty),
        d(unit),
        discount == null ? null : d(discount),
        tax,
        null,
        null);
  }

  private static TransactionContent content(
      boolean inclusive, String total, String currency, String rate, List<Line> lines) {
    return new TransactionContent(
        "10042",
        "PO 77",
        new Contact("C-1", "Acme", null, null, null, null),
        DATE,
        null,
        DATE.plusDays(2),
        currency,
        rate == null ? null : d(rate),
        "AKL",
        "web",
        "card",
        inclusive,
        lines,
        d(total),
        false);
  }

  private static TransactionContent simple(String total) {
    return content(false, total, "NZD", null, List.of(line("2", "20", null, "GST")));
  }

  @Test
  void saleBecomesAnAccrecDraftInvoice() {
    Mapping m = mapper().map(Kind.SALE, 7L, "S-1", simple("46.00"), CONTACT_ID);
    assertFalse(m.blocked(), m.blocking().toString());
    Invoice inv = m.invoice();
    assertNull(m.creditNote());
    assertEquals("ACCREC", inv.type);
    assertEquals("DRAFT", inv.status);
    assertEquals(CONTACT_ID, inv.contact.contactID);
    assertNull(inv.contact.name);
    assertEquals("SO-10042", inv.invoiceNumber);
    assertEquals("PO 77 / web", inv.reference);
    assertEquals(DATE, inv.date);
    assertNull(inv.dueDate);
    assertNull(inv.currencyCode);
    assertNull(inv.currencyRate);
    assertEquals("Exclusive", inv.lineAmountTypes);
    assertEquals(
        "https://lb.example.com/ledgerbridge/transactions/detail.xhtml?kind=sale&id=7", inv.url);
    LineItem li = inv.lineItems.get(0);
    assertEquals("WID-BLU — Widget blue", li.description);
    assertEquals(d("2"), li.quantity);
    assertEquals(d("20.00"), li.unitAmount);
    assertEquals("200", li.accountCode);
    assertEquals("OUTPUT2", li.taxType);
    assertNull(li.itemCode);
    assertEquals(d("46.00"), m.xeroTotals().total());
    assertEquals(d("6.00"), m.xeroTotals().totalTax());
    assertEquals(0, m.difference().signum());
  }

  @Test
  void purchaseBecomesAnAccpayBillWithTheSuppliersNumber() {
    Mapping m = mapper().map(Kind.PURCHASE, 8L, "P-1", simple("46.00"), CONTACT_ID);
    assertFalse(m.blocked(), m.blocking().toString());
    assertEquals("ACCPAY", m.invoice().type);
    assertEquals("10042", m.invoice().invoiceNumber);
    assertNull(m.invoice().reference);
    assertEquals("300", m.invoice().lineItems.get(0).accountCode);
    assertEquals("INPUT2", m.invoice().lineItems.get(0).taxType);
    assertTrue(m.invoice().url.endsWith("kind=purchase&id=8"));
  }

  @Test
  void customerCreditBecomesAccreccredit() {
    Mapping m = mapper().map(Kind.CUSTOMER_CREDIT, 9L, "CC-1", simple("46.00"), CONTACT_ID);
    assertFalse(m.blocked(), m.blocking().toString());
    CreditNote cn = m.creditNote();
    assertNull(m.invoice());
    assertEquals("ACCRECCREDIT", cn.type);
    assertEquals("CN-10042", cn.creditNoteNumber);
    assertEquals("PO 77 / web", cn.reference);
    assertEquals("DRAFT", cn.status);
    assertEquals(CONTACT_ID, cn.contact.contactID);
    assertEquals("OUTPUT2", cn.lineItems.get(0).taxType);
    assertEquals("200", cn.lineItems.get(0).accountCode);
  }

  @Test
  void supplierCreditBecomesAccpaycredit() {
    Mapping m = mapper().map(Kind.SUPPLIER_CREDIT, 10L, "SC-1", simple("46.00"), CONTACT_ID);
    assertFalse(m.blocked(), m.blocking().toString());
    assertEquals("ACCPAYCREDIT", m.creditNote().type);
    assertEquals("10042", m.creditNote().creditNoteNumber);
    assertNull(m.creditNote().reference);
    assertEquals("INPUT2", m.creditNote().lineItems.get(0).taxType);
    assertEquals("300", m.creditNote().lineItems.get(0).accountCode);
  }

  @Test
  void inclusivePrices() {
    TransactionContent c =
        content(
            true,
            "470.00",
            "NZD",
            null,
            List.of(line("1", "50", null, "GST"), line("1", "420", null, "GST")));
    Mapping m = mapper().map(Kind.SALE, 1L, "S", c, CONTACT_ID);
    assertFalse(m.blocked(), m.blocking().toString());
    assertEquals("Inclusive", m.invoice().lineAmountTypes);
    assertEquals(d("408.70"), m.xeroTotals().subTotal());
    assertEquals(d("61.30"), m.xeroTotals().totalTax());
    assertEquals(d("470.00"), m.xeroTotals().total());
  }

  @Test
  void noTaxCodesMeansNoTax() {
    TransactionContent c =
        content(false, "40.00", "NZD", null, List.of(line("2", "20", null, null)));
    Mapping m = mapper().map(Kind.SALE, 1L, "S", c, CONTACT_ID);
    assertFalse(m.blocked(), m.blocking().toString());
    assertEquals("NoTax", m.invoice().lineAmountTypes);
    assertNull(m.invoice().lineItems.get(0).taxType);
  }

  @Test
  void taxIsRoundedPerLine() {
    TransactionContent c =
        content(
            false,
            "87.77",
            "NZD",
            null,
            List.of(
                line("1", "25.07", null, "GST"),
                line("1", "25.63", null, "GST"),
                line("1", "25.63", null, "GST")));
    Mapping m = mapper().map(Kind.SALE, 1L, "S", c, CONTACT_ID);
    assertFalse(m.blocked(), m.blocking().toString());
    assertEquals(d("11.44"), m.xeroTotals().totalTax());
    assertEquals(3, m.invoice().lineItems.size());
  }

  @Test
  void discountedSaleKeepsDiscountRate() {
    TransactionContent c =
        content(false, "41.40", "NZD", null, List.of(line("2", "20", "10", "GST")));
    Mapping m = mapper().map(Kind.SALE, 1L, "S", c, CONTACT_ID);
    assertFalse(m.blocked(), m.blocking().toString());
    LineItem li = m.invoice().lineItems.get(0);
    assertEquals(d("10"), li.discountRate);
    assertEquals(d("20.00"), li.unitAmount);
    assertEquals(d("41.40"), m.xeroTotals().total());
    assertFalse(m.unitdp4());
  }

  @Test
  void discountedPurchaseGoesAtItsNetUnitPrice() {
    TransactionContent c =
        content(false, "41.40", "NZD", null, List.of(line("2", "20", "10", "GST")));
    Mapping m = mapper().map(Kind.PURCHASE, 1L, "P", c, CONTACT_ID);
    assertFalse(m.blocked(), m.blocking().toString());
    LineItem li = m.invoice().lineItems.get(0);
    assertNull(li.discountRate);
    assertEquals(d("18.00"), li.unitAmount);
    assertEquals(d("41.40"), m.xeroTotals().total());
  }

  @Test
  void aNetUnitPriceNeedingMorePlacesIsSentWithFourDecimals() {
    // 9.99 × 0.875 = 8.74125 → 8.7413 at unitdp=4; 3 × 8.7413 = 26.2239 → 26.22; tax 3.93
    TransactionContent c =
        content(false, "30.15", "NZD", null, List.of(line("3", "9.99", "12.5", "GST")));
    Mapping m = mapper().map(Kind.SUPPLIER_CREDIT, 1L, "SC", c, CONTACT_ID);
    assertFalse(m.blocked(), m.blocking().toString());
    assertEquals(d("8.7413"), m.creditNote().lineItems.get(0).unitAmount);
    assertNull(m.creditNote().lineItems.get(0).discountRate);
    assertTrue(m.unitdp4());
    assertEquals(d("30.15"), m.xeroTotals().total());
  }

  @Test
  void creditNotesTakeNoDiscountEitherWay() {
    TransactionContent c =
        content(false, "41.40", "NZD", null, List.of(line("2", "20", "10", "GST")));
    Mapping m = mapper().map(Kind.CUSTOMER_CREDIT, 1L, "CC", c, CONTACT_ID);
    assertNull(m.creditNote().lineItems.get(0).discountRate);
    assertEquals(d("18.00"), m.creditNote().lineItems.get(0).unitAmount);
  }

  @Test
  void foreignCurrencyCarriesCodeAndRate() {
    TransactionContent c =
        content(false, "46.00", "AUD", "0.912345", List.of(line("2", "20", null, "GST")));
    Mapping m = mapper().map(Kind.SALE, 1L, "S", c, CONTACT_ID);
    assertEquals("AUD", m.invoice().currencyCode);
    assertEquals(d("0.912345"), m.invoice().currencyRate);
  }

  @Test
  void trackingFromBranchAndChannel() {
    Mapping m = mapper().map(Kind.SALE, 1L, "S", simple("46.00"), CONTACT_ID);
    var tracking = m.invoice().lineItems.get(0).tracking;
    assertEquals(2, tracking.size());
    assertEquals("Region", tracking.get(0).name);
    assertEquals("North", tracking.get(0).option);
    assertEquals("Channel", tracking.get(1).name);
    assertEquals("Online", tracking.get(1).option);
  }

  @Test
  void roundingLineWithinTolerance() {
    Mapping m = mapper().map(Kind.SALE, 1L, "S", simple("46.03"), CONTACT_ID);
    assertFalse(m.blocked(), m.blocking().toString());
    assertEquals(d("0.03"), m.difference());
    assertEquals(d("0.03"), m.rounding());
    LineItem r = m.invoice().lineItems.get(1);
    assertEquals("Rounding", r.description);
    assertEquals("860", r.accountCode);
    assertEquals("NONE", r.taxType);
    assertEquals(d("0.03"), r.unitAmount);
    assertEquals(d("46.03"), m.xeroTotals().total());
    assertEquals(d("6.00"), m.xeroTotals().totalTax());
  }

  @Test
  void negativeRoundingWithinTolerance() {
    Mapping m = mapper().map(Kind.PURCHASE, 1L, "P", simple("45.95"), CONTACT_ID);
    assertFalse(m.blocked(), m.blocking().toString());
    assertEquals(d("-0.05"), m.invoice().lineItems.get(1).unitAmount);
    assertEquals(d("45.95"), m.xeroTotals().total());
  }

  @Test
  void blockedBeyondToleranceWithBothFigures() {
    Mapping m =
        mapper(settings(null, d("0.02"))).map(Kind.SALE, 1L, "S", simple("46.05"), CONTACT_ID);
    assertTrue(m.blocked());
    assertEquals("ROUNDING_BEYOND_TOLERANCE", m.blocking().get(0).code());
    assertEquals(
        "Xero would total 46.00; the source says 46.05 (difference 0.05 exceeds the tolerance"
            + " 0.02).",
        m.blocking().get(0).message());
    assertEquals(1, m.invoice().lineItems.size());
  }

  @Test
  void unmappedTaxCodeIsBlocked() {
    TransactionContent c =
        content(false, "40.00", "NZD", null, List.of(line("2", "20", null, "EXPORT")));
    Mapping m = mapper().map(Kind.SALE, 1L, "S", c, CONTACT_ID);
    assertTrue(m.blocked());
    assertEquals("UNMAPPED_TAX_CODE", m.blocking().get(0).code());
    assertTrue(m.blocking().get(0).message().contains("EXPORT"));
  }

  @Test
  void missingAccountIsBlockedWithTheResolversReason() {
    AccountingSettings s = settings(null, null);
    AccountingSettings noPurchases =
        new AccountingSettings(
            s.accountingMethod(),
            Map.of(AccountRole.SALES, "200"),
            s.overrides(),
            s.taxMappings(),
            s.tracking(),
            s.numbering(),
            s.xeroDate(),
            s.paymentTermsDays(),
            s.roundingTolerance(),
            s.importWindowMonths());
    Mapping m = mapper(noPurchases).map(Kind.PURCHASE, 1L, "P", simple("46.00"), CONTACT_ID);
    assertTrue(m.blocked());
    assertEquals("NO_ACCOUNT", m.blocking().get(0).code());
    assertTrue(m.blocking().get(0).message().startsWith("Line 1: No account"));
  }

  @Test
  void unlinkedContactAndZeroTotalAreBlocked() {
    TransactionContent c = content(false, "0.00", "NZD", null, List.of(line("1", "0", null, null)));
    Mapping m = mapper().map(Kind.SALE, 1L, "S", c, null);
    assertEquals(
        List.of("CONTACT_NOT_LINKED", "ZERO_TOTAL"),
        m.blocking().stream().map(DocumentMapper.Problem::code).toList());
    assertNull(m.invoice().contact);
  }

  @Test
  void dueDateFromPaymentTermsWhenTheSourceSendsNone() {
    Mapping m = mapper(settings(20, null)).map(Kind.SALE, 1L, "S", simple("46.00"), CONTACT_ID);
    assertEquals(DATE.plusDays(20), m.invoice().dueDate);
    TransactionContent c = simple("46.00");
    TransactionContent withDue =
        new TransactionContent(
            c.number(),
            c.reference(),
            c.contact(),
            c.date(),
            DATE.plusDays(5),
            c.dispatchDate(),
            c.currency(),
            c.currencyRate(),
            c.branch(),
            c.channel(),
            c.paymentMethod(),
            c.pricesIncludeTax(),
            c.lines(),
            c.total(),
            c.voided());
    assertEquals(
        DATE.plusDays(5),
        mapper(settings(20, null)).map(Kind.SALE, 1L, "S", withDue, CONTACT_ID).invoice().dueDate);
  }

  @Test
  void dispatchDateWhenConfigured() {
    AccountingSettings s = settings(10, null);
    AccountingSettings byDispatch =
        new AccountingSettings(
            s.accountingMethod(),
            s.accounts(),
            s.overrides(),
            s.taxMappings(),
            s.tracking(),
            s.numbering(),
            DateSource.DISPATCH_DATE,
            s.paymentTermsDays(),
            s.roundingTolerance(),
            s.importWindowMonths());
    Invoice inv = mapper(byDispatch).map(Kind.SALE, 1L, "S", simple("46.00"), CONTACT_ID).invoice();
    assertEquals(DATE.plusDays(2), inv.date);
    assertEquals(DATE.plusDays(12), inv.dueDate);
  }

  @Test
  void defaultNumberingUsesTheBareNumberAndTheSourceReference() {
    AccountingSettings s = AccountingSettings.defaults();
    AccountingSettings plain =
        new AccountingSettings(
            null,
            Map.of(AccountRole.SALES, "200"),
            null,
            Map.of("GST", new PerDirection("OUTPUT2", "INPUT2")),
            null,
            null,
            null,
            null,
            null,
            null);
    Invoice inv = mapper(plain).map(Kind.SALE, 1L, "S", simple("46.00"), CONTACT_ID).invoice();
    assertEquals("10042", inv.invoiceNumber);
    assertEquals("PO 77", inv.reference);
    assertNull(inv.lineItems.get(0).tracking);
    assertEquals(Numbering.DEFAULT, s.numbering());
  }

  @Test
  void wireJsonSendsOnlyWhatIsSet() {
    try (var json = new io.ledgerbridge.xero.client.wire.XeroJson()) {
      String bill =
          json.toJson(
              mapper().map(Kind.PURCHASE, 8L, "P-1", simple("46.00"), CONTACT_ID).invoice());
      assertTrue(bill.contains("\"Contact\":{\"ContactID\":\"" + CONTACT_ID + "\"}"), bill);
      assertTrue(bill.contains("\"Type\":\"ACCPAY\""), bill);
      assertTrue(bill.contains("\"Status\":\"DRAFT\""), bill);
      assertFalse(bill.contains("\"Reference\""), bill);
      assertFalse(bill.contains("\"CurrencyCode\""), bill);
      assertFalse(bill.contains("\"DiscountRate\""), bill);
      assertFalse(bill.contains("\"ItemCode\""), bill);
    }
  }
}
