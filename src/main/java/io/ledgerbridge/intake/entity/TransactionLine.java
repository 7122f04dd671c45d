package io.ledgerbridge.intake.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A stored line of a source transaction; replaced whole when a new version arrives. */
@Entity
@Table(name = "transaction_line")
public class TransactionLine {

  @Id
  @SequenceGenerator(
      name = "transaction_line_seq",
      sequenceName = "transaction_line_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "transaction_line_seq")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "transaction_id", nullable = false)
  private SourceTransaction transaction;

  @Column(name = "line_no", nullable = false)
  private int lineNo;

  private String sku;

  @Column(length = 4000)
  private String description;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal quantity;

  @Column(name = "unit_price", precision = 19, scale = 4)
  private BigDecimal unitPrice;

  @Column(name = "discount_percent", precision = 7, scale = 4)
  private BigDecimal discountPercent;

  @Column(name = "tax_code")
  private String taxCode;

  @Column(name = "account_code")
  private String accountCode;

  @Column(name = "unit_cost", precision = 19, scale = 4)
  private BigDecimal unitCost;

  @Column(name = "cost_amount", precision = 24, scale = 6)
  private BigDecimal costAmount;

  private Boolean restock;

  @Column(name = "line_location", length = 100)
  private String location;

  protected TransactionLine() {}

  TransactionLine(SourceTransaction transaction, int lineNo, Line line) {
    this.transaction = transaction;
    this.lineNo = lineNo;
    this.sku = line.sku();
    this.description = line.description();
    this.quantity = line.quantity();
    this.unitPrice = line.unitPrice();
    this.discountPercent = line.discountPercent();
    this.taxCode = line.taxCode();
    this.accountCode = line.accountCode();
    this.unitCost = line.unitCost();
    this.costAmount = line.costAmount();
    this.restock = line.restock();
    this.location = line.location();
  }

  public Line toLine() {
    return new Line(
        sku,
        description,
        quantity,
        unitPrice,
        discountPercent,
        taxCode,
        accountCode,
        unitCost,
        costAmount,
        restock,
        location);
  }

  public int getLineNo() {
    return lineNo;
  }
}
