package io.ledgerbridge.intake.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One source transaction, identified by kind and source id, holding its latest version. It guards
 * the version rule itself: an older or equal version never replaces a newer one, and a new version
 * of a transaction already in Xero marks it {@link ImportState#CHANGED}.
 */
@Entity
@Table(name = "source_transaction")
public class SourceTransaction {

  /** What receiving a version did to the stored transaction. */
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  @Id
  @SequenceGenerator(
      name = "source_transaction_seq",
      sequenceName = "source_transaction_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "source_transaction_seq")
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Kind kind;

  @Column(name = "source_id", nullable = false, length = 100)
  private String sourceId;

  @Column(name = "source_version", nullable = false)
  private long sourceVersion;

  @Column(name = "doc_number")
  private String number;

  @Column(name = "doc_reference")
  private String reference;

  @Column(name = "contact_code")
  private String contactCode;

  @Column(name = "contact_name")
  private String contactName;

  @Column(name = "contact_email")
  private String contactEmail;

  @Column(name = "contact_phone")
  private String contactPhone;

  @Column(name = "contact_tax_number")
  private String contactTaxNumber;

  @Column(name = "address_line1")
  private String addressLine1;

  @Column(name = "address_line2")
  private String addressLine2;

  @Column(name = "address_city")
  private String addressCity;

  @Column(name = "address_region")
  private String addressRegion;

  @Column(name = "address_postal_code")
  private String addressPostalCode;

  @Column(name = "address_country")
  private String addressCountry;

  @Column(name = "txn_date", nullable = false)
  private LocalDate date;

  @Column(name = "due_date")
  private LocalDate dueDate;

  @Column(name = "dispatch_date")
  private LocalDate dispatchDate;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(name = "currency_rate", precision = 24, scale = 10)
  private BigDecimal currencyRate;

  private String branch;

  private String channel;

  @Column(name = "payment_method")
  private String paymentMethod;

  @Column(name = "prices_include_tax", nullable = false)
  private boolean pricesIncludeTax;

  @Column(precision = 19, scale = 4)
  private BigDecimal total;

  @Column(nullable = false)
  private boolean voided;

  @Enumerated(EnumType.STRING)
  @Column(name = "adjustment_type", length = 20)
  private StockMovement.Type adjustmentType;

  @Column(name = "adjustment_reason")
  private String adjustmentReason;

  @Column(name = "stock_location", length = 100)
  private String location;

  @Column(name = "from_location", length = 100)
  private String fromLocation;

  @Column(name = "to_location", length = 100)
  private String toLocation;

  @Column(name = "line_count", nullable = false)
  private int lineCount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ImportState state;

  /** Lower-cased number, reference, contact code and name: what the list's text filter searches. */
  @Column(name = "search_text", nullable = false, length = 1200)
  private String searchText;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  @OneToMany(mappedBy = "transaction", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("lineNo")
  private List<TransactionLine> lines = new ArrayList<>();

  protected SourceTransaction() {}

  public static SourceTransaction receive(
      Kind kind, String sourceId, long version, TransactionContent content, Instant now) {
    SourceTransaction transaction = new SourceTransaction();
    transaction.kind = kind;
    transaction.sourceId = sourceId;
    transaction.state = ImportState.NOT_IMPORTED;
    transaction.receivedAt = now;
    transaction.replaceContent(version, content, now);
    return transaction;
  }

  /**
   * Applies a version sent by the inventory system. Versions at or below the stored one are
   * ignored, which makes the sender's retries safe.
   */
  public Outcome receiveVersion(long version, TransactionContent content, Instant now) {
    if (version <= sourceVersion) {
      return Outcome.UNCHANGED;
    }
    replaceContent(version, content, now);
    state = stateAfterSourceChange(state);
    return Outcome.UPDATED;
  }

  static ImportState stateAfterSourceChange(ImportState current) {
    return switch (current) {
      // The Xero draft no longer matches the source: ready for re-import.
      case IMPORTED, CHANGED, CONSOLIDATED -> ImportState.CHANGED;
      // A new version may fix what made the last attempt fail.
      case FAILED -> ImportState.NOT_IMPORTED;
      // Approved documents stay locked; a person chose Do Not Import.
      case APPROVED_IN_XERO, DO_NOT_IMPORT, NOT_IMPORTED -> current;
    };
  }

  /**
   * Xero now holds this transaction as of {@code syncedVersion}: IMPORTED, or CHANGED when a newer
   * version arrived meanwhile.
   */
  public void recordInXero(long syncedVersion) {
    state = sourceVersion > syncedVersion ? ImportState.CHANGED : ImportState.IMPORTED;
  }

  /**
   * Xero kept the document but not as sent (it dropped an account from a journal line): it is in
   * Xero, and must be sent again.
   */
  public void recordInXeroNotAsSent() {
    state = ImportState.CHANGED;
  }

  /** Xero refused the document; a transaction already in Xero keeps its state. */
  public void recordFailed() {
    if (!state.isInXero() && state != ImportState.DO_NOT_IMPORT) {
      state = ImportState.FAILED;
    }
  }

  /** The Xero document was approved, paid or voided there: locked. */
  public void recordApprovedInXero() {
    state = ImportState.APPROVED_IN_XERO;
  }

  /** The Xero document is gone (deleted there, or voided for a new version): may be imported. */
  public void recordNotInXero() {
    if (state != ImportState.DO_NOT_IMPORT) {
      state = ImportState.NOT_IMPORTED;
    }
  }

  /**
   * Sets or clears Do Not Import. Clearing returns to what the Xero side says: {@code xeroState} is
   * the state the transaction would have without the mark.
   */
  public void doNotImport(boolean on, ImportState xeroState) {
    state = on ? ImportState.DO_NOT_IMPORT : xeroState;
  }

  private void replaceContent(long version, TransactionContent content, Instant now) {
    this.sourceVersion = version;
    this.number = content.number();
    this.reference = content.reference();
    Contact contact = content.contact();
    Address address =
        contact == null || contact.address() == null ? Address.EMPTY : contact.address();
    this.contactCode = contact == null ? null : contact.code();
    this.contactName = contact == null ? null : contact.name();
    this.contactEmail = contact == null ? null : contact.email();
    this.contactPhone = contact == null ? null : contact.phone();
    this.contactTaxNumber = contact == null ? null : contact.taxNumber();
    this.addressLine1 = address.line1();
    this.addressLine2 = address.line2();
    this.addressCity = address.city();
    this.addressRegion = address.region();
    this.addressPostalCode = address.postalCode();
    this.addressCountry = address.country();
    this.date = content.date();
    this.dueDate = content.dueDate();
    this.dispatchDate = content.dispatchDate();
    this.currency = content.currency();
    this.currencyRate = content.currencyRate();
    this.branch = content.branch();
    this.channel = content.channel();
    this.paymentMethod = content.paymentMethod();
    this.pricesIncludeTax = content.pricesIncludeTax();
    this.total = content.total();
    this.voided = content.voided();
    StockMovement movement = content.movement();
    this.adjustmentType = movement.type();
    this.adjustmentReason = movement.reason();
    this.location = movement.location();
    this.fromLocation = movement.fromLocation();
    this.toLocation = movement.toLocation();
    this.updatedAt = now;
    this.lines.clear();
    int lineNo = 1;
    for (Line line : content.lines()) {
      lines.add(new TransactionLine(this, lineNo++, line));
    }
    this.lineCount = lines.size();
    this.searchText = searchText(number, reference, contactCode, contactName, sourceId);
  }

  private static String searchText(String... parts) {
    StringBuilder text = new StringBuilder();
    for (String part : parts) {
      if (part != null) {
        text.append(part.toLowerCase(Locale.ROOT)).append('\u001f');
      }
    }
    return text.length() > 1200 ? text.substring(0, 1200) : text.toString();
  }

  public TransactionContent content() {
    Address address =
        new Address(
            addressLine1,
            addressLine2,
            addressCity,
            addressRegion,
            addressPostalCode,
            addressCountry);
    Contact contact =
        contactCode == null && contactName == null
            ? null
            : new Contact(
                contactCode, contactName, contactEmail, contactPhone, contactTaxNumber, address);
    return new TransactionContent(
        number,
        reference,
        contact,
        date,
        dueDate,
        dispatchDate,
        currency,
        currencyRate,
        branch,
        channel,
        paymentMethod,
        pricesIncludeTax,
        lines.stream().map(TransactionLine::toLine).toList(),
        total,
        voided,
        new StockMovement(adjustmentType, adjustmentReason, location, fromLocation, toLocation));
  }

  public Long getId() {
    return id;
  }

  public Kind getKind() {
    return kind;
  }

  public String getSourceId() {
    return sourceId;
  }

  public long getSourceVersion() {
    return sourceVersion;
  }

  public String getNumber() {
    return number;
  }

  public String getReference() {
    return reference;
  }

  public String getContactCode() {
    return contactCode;
  }

  public String getContactName() {
    return contactName;
  }

  public LocalDate getDate() {
    return date;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public String getCurrency() {
    return currency;
  }

  public String getBranch() {
    return branch;
  }

  public String getChannel() {
    return channel;
  }

  public BigDecimal getTotal() {
    return total;
  }

  public boolean isVoided() {
    return voided;
  }

  public int getLineCount() {
    return lineCount;
  }

  public ImportState getState() {
    return state;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public List<TransactionLine> getLines() {
    return List.copyOf(lines);
  }
}
