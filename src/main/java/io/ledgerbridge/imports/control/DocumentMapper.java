package io.ledgerbridge.imports.control;

import io.ledgerbridge.imports.control.XeroTotals.AmountTypes;
import io.ledgerbridge.imports.control.XeroTotals.LineInput;
import io.ledgerbridge.imports.control.XeroTotals.Totals;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.intake.entity.Line;
import io.ledgerbridge.intake.entity.SourceTransaction;
import io.ledgerbridge.intake.entity.TransactionContent;
import io.ledgerbridge.settings.control.AccountResolver;
import io.ledgerbridge.settings.control.AccountResolver.LineFacts;
import io.ledgerbridge.settings.control.AccountResolver.Resolution;
import io.ledgerbridge.settings.entity.AccountRole;
import io.ledgerbridge.settings.entity.AccountingSettings;
import io.ledgerbridge.settings.entity.Direction;
import io.ledgerbridge.settings.entity.Numbering;
import io.ledgerbridge.settings.entity.SourceField;
import io.ledgerbridge.xero.client.wire.Contact;
import io.ledgerbridge.xero.client.wire.CreditNote;
import io.ledgerbridge.xero.client.wire.Invoice;
import io.ledgerbridge.xero.client.wire.LineItem;
import io.ledgerbridge.xero.client.wire.ManualJournal;
import io.ledgerbridge.xero.client.wire.TrackingRef;
import io.ledgerbridge.xero.client.wire.XeroElement;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Maps a source transaction to the Xero document it becomes, as a draft, and predicts Xero's
 * totals. Pure: no database, no HTTP — everything it needs is passed in.
 *
 * <ul>
 *   <li>SALE → ACCREC invoice, PURCHASE → ACCPAY bill, CUSTOMER_CREDIT → ACCRECCREDIT,
 *       SUPPLIER_CREDIT → ACCPAYCREDIT; the contact by {@code ContactID} only.
 *   <li>Numbers: ACCREC / ACCRECCREDIT get the invoice / credit-note prefix before the source
 *       number and a {@code Reference} from the sales reference template. ACCPAY / ACCPAYCREDIT
 *       carry the supplier's number as is; Xero accepts {@code Reference} on ACCREC only
 *       (xero-api.md §5.1, §6), so none is sent for them.
 *   <li>Discounts: Xero takes {@code DiscountRate} on ACCREC invoices only. Elsewhere a discounted
 *       line goes at its net unit price, {@code unit × (1 − d/100)}: kept exact when it has at most
 *       2 dp, else rounded half-up to 4 dp and the document must be sent with {@code unitdp=4}
 *       ({@link Mapping#unitdp4()}); any cent that moves is caught by the rounding comparison.
 *   <li>Totals: compared with the source total. Within the tolerance (difference ≤ tolerance) a
 *       rounding line to the rounding account, with tax type {@code NONE} (no tax, so its amount is
 *       exactly the difference), makes them equal; beyond it the document is blocked with both
 *       figures.
 * </ul>
 */
public final class DocumentMapper {

  /** The tax type of a line that bears no tax, such as the rounding line. */
  public static final String NO_TAX_TYPE = "NONE";

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** A reason the document cannot be imported, or a warning: a stable code and a sentence. */
  public record Problem(String code, String message) {}

  /**
   * The mapped document (exactly one of {@code invoice}, {@code creditNote} and {@code journal} is
   * set), Xero's totals for it as it will be sent (rounding line included; for a journal the sum of
   * its debits), the source total, the difference {@code source − Xero} before any rounding line,
   * the rounding line's amount (zero when none), blocking reasons and warnings.
   */
  public record Mapping(
      Invoice invoice,
      CreditNote creditNote,
      ManualJournal journal,
      Totals xeroTotals,
      BigDecimal sourceTotal,
      BigDecimal difference,
      BigDecimal rounding,
      boolean unitdp4,
      List<Problem> blocking,
      List<Problem> warnings) {

    public Mapping {
      blocking = List.copyOf(blocking);
      warnings = List.copyOf(warnings);
    }

    /** An invoice or credit note's mapping. */
    public Mapping(
        Invoice invoice,
        CreditNote creditNote,
        Totals xeroTotals,
        BigDecimal sourceTotal,
        BigDecimal difference,
        BigDecimal rounding,
        boolean unitdp4,
        List<Problem> blocking,
        List<Problem> warnings) {
      this(
          invoice,
          creditNote,
          null,
          xeroTotals,
          sourceTotal,
          difference,
          rounding,
          unitdp4,
          blocking,
          warnings);
    }

    public boolean blocked() {
      return !blocking.isEmpty();
    }

    /** The document's line items, whichever kind it is (none for a journal). */
    public List<LineItem> lineItems() {
      if (journal != null) {
        return List.of();
      }
      return invoice != null ? invoice.lineItems : creditNote.lineItems;
    }

    /** The document as it goes on the wire. */
    public XeroElement wire() {
      return invoice != null ? invoice : creditNote != null ? creditNote : journal;
    }

    /** ACCREC, ACCPAY, ACCRECCREDIT, ACCPAYCREDIT or {@link #JOURNAL_TYPE}. */
    public String xeroType() {
      return invoice != null ? invoice.type : creditNote != null ? creditNote.type : JOURNAL_TYPE;
    }

    public LocalDate date() {
      return invoice != null ? invoice.date : creditNote != null ? creditNote.date : journal.date;
    }

    /**
     * What finds the document in Xero again: the invoice or credit note number; a journal's
     * Narration (journals have no number).
     */
    public String number() {
      return invoice != null
          ? invoice.invoiceNumber
          : creditNote != null ? creditNote.creditNoteNumber : journal.narration;
    }

    /** The Xero ContactID; null for a journal. */
    public String contactId() {
      Contact contact =
          invoice != null ? invoice.contact : creditNote != null ? creditNote.contact : null;
      return contact == null ? null : contact.contactID;
    }

    /** Makes the document an update of the Xero document {@code id}, now in {@code status}. */
    public void target(String id, String status) {
      if (invoice != null) {
        invoice.invoiceID = id;
        invoice.status = status;
      } else if (creditNote != null) {
        creditNote.creditNoteID = id;
        creditNote.status = status;
      } else {
        journal.manualJournalID = id;
        if (!deletion()) {
          journal.status = status;
        }
      }
    }

    /** A journal that deletes its draft in Xero (a COGS month with nothing left to post). */
    public boolean deletion() {
      return journal != null && "DELETED".equals(journal.status);
    }

    /**
     * Appends {@code suffix} to the number a new version is sent under; a journal's goes inside its
     * Narration token, which must differ from the voided journal's.
     */
    public void suffixNumber(String suffix) {
      if (invoice != null && invoice.invoiceNumber != null) {
        invoice.invoiceNumber += suffix;
      } else if (creditNote != null && creditNote.creditNoteNumber != null) {
        creditNote.creditNoteNumber += suffix;
      } else if (journal != null && journal.narration.endsWith("]")) {
        journal.narration =
            journal.narration.substring(0, journal.narration.length() - 1) + suffix + "]";
      }
    }
  }

  /** The {@code xero_type} of a manual journal (Xero's ManualJournals carry no type). */
  public static final String JOURNAL_TYPE = "MANUALJOURNAL";

  private final AccountingSettings settings;
  private final AccountResolver resolver;
  private final Function<String, Optional<BigDecimal>> taxRates;
  private final String baseCurrency;
  private final String baseUrl;
  private final XeroTotals math;

  /**
   * @param taxRates a Xero TaxType → its EffectiveRate in percent (15 for 15%), from the
   *     organisation's TaxRates
   * @param baseCurrency the organisation's base currency; documents in it carry no currency code
   * @param baseUrl LedgerBridge's public base URL, e.g. {@code https://host/ledgerbridge}
   */
  public DocumentMapper(
      AccountingSettings settings,
      AccountResolver resolver,
      Function<String, Optional<BigDecimal>> taxRates,
      String baseCurrency,
      String baseUrl,
      XeroTotals math) {
    this.settings = settings;
    this.resolver = resolver;
    this.taxRates = taxRates;
    this.baseCurrency = baseCurrency;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.math = math;
  }

  /** Maps a stored transaction; {@code contactId} is its linked Xero ContactID, or null. */
  public Mapping map(SourceTransaction transaction, String contactId) {
    return map(
        transaction.getKind(),
        transaction.getId(),
        transaction.getSourceId(),
        transaction.content(),
        contactId);
  }

  public Mapping map(
      Kind kind, Long id, String sourceId, TransactionContent content, String contactId) {
    if (kind == Kind.STOCK_ADJUSTMENT) {
      return new JournalMapper(settings, resolver).map(sourceId, content, url(kind, id));
    }
    if (kind == Kind.COGS || kind == Kind.CLOSING_STOCK) {
      return new JournalMapper(settings, resolver).mapCogs(content, url(kind, id));
    }
    Direction direction =
        Direction.of(kind)
            .orElseThrow(() -> new IllegalArgumentException(kind + " is not an invoice kind"));
    boolean accrec = kind == Kind.SALE;
    List<Problem> blocking = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();

    if (contactId == null || contactId.isBlank()) {
      blocking.add(
          new Problem(
              "CONTACT_NOT_LINKED",
              "The contact "
                  + (content.contact() == null ? "" : content.contact().code() + " ")
                  + "is not linked to a Xero contact."));
    }
    if (content.lines().isEmpty()) {
      blocking.add(new Problem("NO_LINES", "The transaction has no lines."));
    }

    boolean anyTax = content.lines().stream().anyMatch(l -> present(l.taxCode()));
    AmountTypes types =
        !anyTax
            ? AmountTypes.NoTax
            : content.pricesIncludeTax() ? AmountTypes.Inclusive : AmountTypes.Exclusive;

    List<TrackingRef> tracking = tracking(content);
    List<LineItem> items = new ArrayList<>();
    List<LineInput> inputs = new ArrayList<>();
    boolean unitdp4 = false;
    int n = 0;
    for (Line line : content.lines()) {
      n++;
      LineItem item = new LineItem();
      item.description = description(line);
      item.quantity = line.quantity();
      BigDecimal unit = line.unitPrice() == null ? BigDecimal.ZERO : line.unitPrice();
      BigDecimal discount = line.discountPercent();
      boolean discounted = discount != null && discount.signum() != 0;
      if (discounted && accrec) {
        item.discountRate = discount;
      } else if (discounted) {
        unit = unit.multiply(HUNDRED.subtract(discount)).divide(HUNDRED);
      }
      unit = unit.stripTrailingZeros();
      if (unit.scale() > 4) {
        warnings.add(
            new Problem(
                "UNIT_PRICE_ROUNDED",
                "Line "
                    + n
                    + ": the unit price "
                    + unit.toPlainString()
                    + " has more than the 4 decimal places Xero keeps; it is sent as "
                    + unit.setScale(4, RoundingMode.HALF_UP).toPlainString()
                    + "."));
        unit = unit.setScale(4, RoundingMode.HALF_UP);
      }
      if (unit.scale() > 2) {
        unitdp4 = true;
      }
      item.unitAmount = unit.scale() < 2 ? unit.setScale(2) : unit;

      Resolution account = resolver.resolve(LineFacts.of(direction, content, line));
      if (account.ok()) {
        item.accountCode = account.accountCode();
      } else {
        blocking.add(new Problem("NO_ACCOUNT", "Line " + n + ": " + account.reason()));
      }

      BigDecimal rate = BigDecimal.ZERO;
      if (present(line.taxCode())) {
        Optional<String> taxType = settings.taxTypeFor(line.taxCode(), direction);
        if (taxType.isEmpty()) {
          blocking.add(
              new Problem(
                  "UNMAPPED_TAX_CODE",
                  "Line "
                      + n
                      + ": the tax code "
                      + line.taxCode()
                      + " has no Xero tax type for "
                      + direction.jsonName()
                      + " in Settings."));
        } else {
          item.taxType = taxType.get();
          Optional<BigDecimal> known = taxRates.apply(taxType.get());
          if (known.isEmpty()) {
            blocking.add(
                new Problem(
                    "UNKNOWN_TAX_RATE",
                    "Line "
                        + n
                        + ": the Xero tax type "
                        + taxType.get()
                        + " is not among the organisation's tax rates."));
          } else {
            rate = known.get();
          }
        }
      } else if (types != AmountTypes.NoTax) {
        item.taxType = NO_TAX_TYPE;
        warnings.add(
            new Problem(
                "NO_TAX_CODE", "Line " + n + " has no tax code; it is sent with tax type NONE."));
      }
      item.tracking = tracking.isEmpty() ? null : tracking;
      items.add(item);
      inputs.add(new LineInput(item.quantity, item.unitAmount, item.discountRate, rate));
    }

    Totals predicted = math.totals(inputs, types);
    BigDecimal sourceTotal = content.total();
    BigDecimal difference = sourceTotal.subtract(predicted.total());
    BigDecimal rounding = BigDecimal.ZERO.setScale(2);
    BigDecimal tolerance = settings.roundingTolerance();
    if (difference.signum() != 0) {
      if (difference.abs().compareTo(tolerance) <= 0) {
        Resolution account = resolver.resolveDefault(AccountRole.ROUNDING);
        if (account.ok()) {
          LineItem item = new LineItem();
          item.description = "Rounding";
          item.quantity = BigDecimal.ONE;
          item.unitAmount = difference;
          item.accountCode = account.accountCode();
          item.taxType = types == AmountTypes.NoTax ? null : NO_TAX_TYPE;
          items.add(item);
          inputs.add(new LineInput(BigDecimal.ONE, difference, null, BigDecimal.ZERO));
          predicted = math.totals(inputs, types);
          rounding = difference;
        } else {
          blocking.add(
              new Problem(
                  "NO_ROUNDING_ACCOUNT",
                  "A rounding line of "
                      + difference.toPlainString()
                      + " is needed: "
                      + account.reason()));
        }
      } else {
        blocking.add(
            new Problem(
                "ROUNDING_BEYOND_TOLERANCE",
                "Xero would total "
                    + predicted.total().toPlainString()
                    + "; the source says "
                    + sourceTotal.toPlainString()
                    + " (difference "
                    + difference.abs().toPlainString()
                    + " exceeds the tolerance "
                    + tolerance.toPlainString()
                    + ")."));
      }
    }
    if (predicted.total().signum() == 0) {
      blocking.add(new Problem("ZERO_TOTAL", "The document totals zero."));
    }

    LocalDate date = settings.xeroDateFor(content.date(), content.dispatchDate());
    LocalDate dueDate = content.dueDate();
    if (dueDate == null && settings.paymentTermsDays() != null && date != null) {
      dueDate = date.plusDays(settings.paymentTermsDays());
    }
    boolean foreign =
        present(content.currency())
            && baseCurrency != null
            && !content.currency().equalsIgnoreCase(baseCurrency);
    String currencyCode = foreign ? content.currency() : null;
    BigDecimal currencyRate = foreign ? content.currencyRate() : null;
    String contactCode = content.contact() == null ? null : content.contact().code();
    String reference =
        direction == Direction.SALES
            ? Numbering.fill(
                settings.numbering().salesReference(),
                content.number(),
                content.reference(),
                sourceId,
                contactCode,
                content.branch(),
                content.channel())
            : null;
    Contact contact = contactId == null ? null : Contact.reference(contactId);

    Invoice invoice = null;
    CreditNote creditNote = null;
    switch (kind) {
      case SALE, PURCHASE -> {
        invoice = new Invoice();
        invoice.type = accrec ? "ACCREC" : "ACCPAY";
        invoice.invoiceNumber =
            accrec
                ? prefixed(settings.numbering().invoicePrefix(), content.number())
                : number(content);
        invoice.reference = reference;
        invoice.contact = contact;
        invoice.date = date;
        invoice.dueDate = dueDate;
        invoice.status = "DRAFT";
        invoice.lineAmountTypes = types.name();
        invoice.lineItems = List.copyOf(items);
        invoice.currencyCode = currencyCode;
        invoice.currencyRate = currencyRate;
        invoice.url = url(kind, id);
      }
      default -> {
        creditNote = new CreditNote();
        boolean rec = kind == Kind.CUSTOMER_CREDIT;
        creditNote.type = rec ? "ACCRECCREDIT" : "ACCPAYCREDIT";
        creditNote.creditNoteNumber =
            rec
                ? prefixed(settings.numbering().creditNotePrefix(), content.number())
                : number(content);
        creditNote.reference = reference;
        creditNote.contact = contact;
        creditNote.date = date;
        creditNote.dueDate = dueDate;
        creditNote.status = "DRAFT";
        creditNote.lineAmountTypes = types.name();
        creditNote.lineItems = List.copyOf(items);
        creditNote.currencyCode = currencyCode;
        creditNote.currencyRate = currencyRate;
      }
    }
    return new Mapping(
        invoice,
        creditNote,
        predicted,
        sourceTotal,
        difference,
        rounding,
        unitdp4,
        blocking,
        warnings);
  }

  /**
   * The transaction's page in LedgerBridge, for Xero's "Go to" link. Credit notes have no {@code
   * Url} in Xero's schema, so only invoices carry it.
   */
  public String url(Kind kind, Long id) {
    if (id == null) {
      return null;
    }
    return baseUrl
        + "/transactions/detail.xhtml?kind="
        + URLEncoder.encode(kind.urlName(), StandardCharsets.UTF_8)
        + "&id="
        + id;
  }

  private List<TrackingRef> tracking(TransactionContent content) {
    Map<SourceField, String> values = new HashMap<>();
    values.put(SourceField.BRANCH, content.branch());
    values.put(SourceField.CHANNEL, content.channel());
    values.put(SourceField.PAYMENT_METHOD, content.paymentMethod());
    return refs(settings.trackingFor(values));
  }

  /** Xero's tracking references for category → option pairs, in their order. */
  static List<TrackingRef> refs(Map<String, String> tracking) {
    List<TrackingRef> refs = new ArrayList<>();
    tracking.forEach(
        (category, option) -> {
          TrackingRef ref = new TrackingRef();
          ref.name = category;
          ref.option = option;
          refs.add(ref);
        });
    return List.copyOf(refs);
  }

  private static String description(Line line) {
    String text = present(line.description()) ? line.description().trim() : null;
    if (present(line.sku())) {
      return text == null ? line.sku().trim() : line.sku().trim() + " — " + text;
    }
    return text == null ? "(no description)" : text;
  }

  private static String prefixed(String prefix, String number) {
    if (!present(number)) {
      return null;
    }
    return (prefix == null ? "" : prefix) + number.trim();
  }

  private static String number(TransactionContent content) {
    return present(content.number()) ? content.number().trim() : null;
  }

  private static boolean present(String text) {
    return text != null && !text.isBlank();
  }
}
