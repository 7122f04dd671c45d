package io.ledgerbridge.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.imports.control.DocumentMapper.Problem;
import io.ledgerbridge.imports.control.Preview.Action;
import io.ledgerbridge.imports.entity.XeroDocument;
import io.ledgerbridge.intake.control.Importability.Reason;
import io.ledgerbridge.intake.entity.Contact;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.intake.entity.Line;
import io.ledgerbridge.intake.entity.SourceTransaction;
import io.ledgerbridge.intake.entity.TransactionContent;
import io.ledgerbridge.settings.control.AccountResolver;
import io.ledgerbridge.settings.entity.AccountRole;
import io.ledgerbridge.settings.entity.AccountingMethod;
import io.ledgerbridge.settings.entity.AccountingSettings;
import io.ledgerbridge.settings.entity.DateSource;
import io.ledgerbridge.settings.entity.Numbering;
import io.ledgerbridge.settings.entity.PerDirection;
import io.ledgerbridge.xero.client.wire.XeroJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class PreviewerTest {

  private static final String CONTACT = "430fa14a-f945-44d3-9f97-5df5e28441b8";
  private static final LocalDate DATE = LocalDate.of(2026, 3, 11);
  private static final XeroJson JSON = new XeroJson();

  @AfterAll
  static void close() {
    JSON.close();
  }

  private static Previewer previewer(LocalDate lockDate, Set<String> currencies) {
    AccountingSettings settings =
        new AccountingSettings(
            AccountingMethod.PERIODIC,
            Map.of(AccountRole.SALES, "200", AccountRole.PURCHASES, "300"),
            null,
            Map.of("GST", new PerDirection("OUTPUT2", "INPUT2")),
            List.of(),
            new Numbering("", "CN-", "{reference}", "{reference}"),
            DateSource.INVOICE_DATE,
            null,
            null,
            null);
    DocumentMapper mapper =
        new DocumentMapper(
            settings,
            new AccountResolver(settings, null),
            type -> Optional.of(new BigDecimal("15")),
            "NZD",
            "https://lb.example.com/ledgerbridge",
            XeroTotals.standard());
    return new Previewer(mapper, lockDate, currencies, "NZD", JSON);
  }

  private static Previewer previewer() {
    return previewer(null, Set.of("NZD", "USD"));
  }

  private static SourceTransaction transaction(
      Kind kind, long version, String currency, String price) {
    BigDecimal unit = new BigDecimal(price);
    BigDecimal total =
        unit.multiply(new BigDecimal("2"))
            .multiply(new BigDecimal("1.15"))
            .setScale(2, java.math.RoundingMode.HALF_UP);
    TransactionContent content =
        new TransactionContent(
            "10042",
            "PO 77",
            new Contact("C-1", "Acme", null, null, null, null),
            DATE,
            null,
            null,
            currency,
            currency.equals("NZD") ? null : new BigDecimal("0.61"),
            null,
            null,
            null,
            false,
            List.of(new Line("WID", "Widget", new BigDecimal("2"), unit, null, "GST", null, null)),
            total,
            false);
    return SourceTransaction.receive(kind, "S-1", version, content, Instant.now());
  }

  private static XeroDocument document(String type, String status, long synced) {
    XeroDocument d = new XeroDocument(1L, "tenant", type);
    d.saved("inv-1", "10042", status, "hash", synced, "accountant", 1L, Instant.now());
    return d;
  }

  private static List<String> codes(Preview p) {
    return p.blocking().stream().map(Problem::code).toList();
  }

  @Test
  void aNewTransactionIsCreatedWithAStableHashOfExactlyWhatIsSent() {
    Preview p =
        previewer().preview(transaction(Kind.SALE, 1, "NZD", "20.00"), CONTACT, List.of(), null);
    assertEquals(Action.CREATE, p.action());
    assertTrue(p.sendable(), p.blocking().toString());
    assertEquals("10042", p.mapping().invoice().invoiceNumber);
    assertNull(p.mapping().invoice().invoiceID);
    Preview same =
        previewer().preview(transaction(Kind.SALE, 1, "NZD", "20.00"), CONTACT, List.of(), null);
    assertEquals(p.sentHash(), same.sentHash());
    Preview changed =
        previewer().preview(transaction(Kind.SALE, 1, "NZD", "20.01"), CONTACT, List.of(), null);
    assertNotEquals(p.sentHash(), changed.sentHash());
  }

  @Test
  void aDateOnOrBeforeTheLockDateIsBlocked() {
    assertTrue(
        codes(
                previewer(DATE, Set.of())
                    .preview(transaction(Kind.SALE, 1, "NZD", "20"), CONTACT, List.of(), null))
            .contains("LOCK_DATE"));
    assertFalse(
        codes(
                previewer(DATE.minusDays(1), Set.of())
                    .preview(transaction(Kind.SALE, 1, "NZD", "20"), CONTACT, List.of(), null))
            .contains("LOCK_DATE"));
  }

  @Test
  void aCurrencyTheOrganisationLacksIsBlockedTheBaseCurrencyNever() {
    Preview aud =
        previewer().preview(transaction(Kind.PURCHASE, 1, "AUD", "20"), CONTACT, List.of(), null);
    assertTrue(codes(aud).contains("CURRENCY_NOT_ENABLED"), aud.blocking().toString());
    Preview usd =
        previewer().preview(transaction(Kind.PURCHASE, 1, "USD", "20"), CONTACT, List.of(), null);
    assertFalse(codes(usd).contains("CURRENCY_NOT_ENABLED"));
    assertEquals("USD", usd.mapping().invoice().currencyCode);
    Preview nzd =
        previewer(null, Set.of())
            .preview(transaction(Kind.PURCHASE, 1, "NZD", "20"), CONTACT, List.of(), null);
    assertFalse(codes(nzd).contains("CURRENCY_NOT_ENABLED"));
  }

  @Test
  void theImportabilityReasonsBlockExceptAlreadyImportedAndAStaleLinkIsNotAlsoReportedUnlinked() {
    Preview p =
        previewer()
            .preview(
                transaction(Kind.SALE, 1, "NZD", "20"),
                null,
                List.of(
                    new Reason("ALREADY_IMPORTED", "x"),
                    new Reason(
                        "CONTACT_LINK_STALE", "Contact C-1 is linked to an archived contact")),
                null);
    assertEquals(List.of("CONTACT_LINK_STALE"), codes(p));
    assertFalse(p.sendable());
  }

  @Test
  void aChangedTransactionUpdatesTheSameDraftAndKeepsASubmittedOneSubmitted() {
    Preview draft =
        previewer()
            .preview(
                transaction(Kind.SALE, 2, "NZD", "20"),
                CONTACT,
                List.of(),
                document("ACCREC", "DRAFT", 1));
    assertEquals(Action.UPDATE, draft.action());
    assertEquals("inv-1", draft.mapping().invoice().invoiceID);
    assertEquals("DRAFT", draft.mapping().invoice().status);
    Preview submitted =
        previewer()
            .preview(
                transaction(Kind.CUSTOMER_CREDIT, 2, "NZD", "20"),
                CONTACT,
                List.of(),
                document("ACCRECCREDIT", "SUBMITTED", 1));
    assertEquals(Action.UPDATE, submitted.action());
    assertEquals("inv-1", submitted.mapping().creditNote().creditNoteID);
    assertEquals("SUBMITTED", submitted.mapping().creditNote().status);
  }

  @Test
  void anUnchangedDraftSendsNothing() {
    Preview p =
        previewer()
            .preview(
                transaction(Kind.SALE, 3, "NZD", "20"),
                CONTACT,
                List.of(),
                document("ACCREC", "DRAFT", 3));
    assertEquals(Action.NONE, p.action());
    assertFalse(p.sendable());
  }

  @Test
  void anApprovedDocumentIsNeverChanged() {
    for (String status : List.of("AUTHORISED", "PAID", "VOIDED")) {
      Preview p =
          previewer()
              .preview(
                  transaction(Kind.SALE, 2, "NZD", "20"),
                  CONTACT,
                  List.of(),
                  document("ACCREC", status, 1));
      assertEquals(Action.NONE, p.action(), status);
      assertTrue(codes(p).contains("APPROVED_IN_XERO"), status);
    }
  }

  @Test
  void aNewVersionAfterVoidingCarriesTheVersionSuffix() {
    XeroDocument voided = document("ACCREC", "AUTHORISED", 1);
    voided.replacedByNewVersion(Instant.now());
    Preview p =
        previewer().preview(transaction(Kind.SALE, 2, "NZD", "20"), CONTACT, List.of(), voided);
    assertEquals(Action.CREATE, p.action());
    assertEquals("10042-v2", p.mapping().invoice().invoiceNumber);
    assertNull(p.mapping().invoice().invoiceID);
    assertTrue(p.warnings().stream().anyMatch(w -> w.code().equals("NEW_VERSION")));
    XeroDocument voidedNote = document("ACCPAYCREDIT", "VOIDED", 1);
    voidedNote.replacedByNewVersion(Instant.now());
    Preview note =
        previewer()
            .preview(
                transaction(Kind.SUPPLIER_CREDIT, 2, "NZD", "20"), CONTACT, List.of(), voidedNote);
    assertEquals("10042-v2", note.mapping().creditNote().creditNoteNumber);
  }

  @Test
  void aDocumentDeletedInXeroIsCreatedAgainUnderItsOwnNumber() {
    XeroDocument deleted = document("ACCREC", "DRAFT", 1);
    deleted.observed("DELETED", Instant.now());
    Preview p =
        previewer().preview(transaction(Kind.SALE, 1, "NZD", "20"), CONTACT, List.of(), deleted);
    assertEquals(Action.CREATE, p.action());
    assertEquals("10042", p.mapping().invoice().invoiceNumber);
    assertTrue(p.sendable(), p.blocking().toString());
  }
}
