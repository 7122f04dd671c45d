package io.ledgerbridge.xero.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A tax rate of the organisation, identified by its {@code TaxType}. */
@Entity
@Table(name = "xero_tax_rate")
public class XeroTaxRate extends ReferenceRow {

  @Column(name = "tax_type", nullable = false, length = 50)
  private String taxType;

  @Column(nullable = false, length = 150)
  private String name;

  @Column(nullable = false, length = 20)
  private String status;

  @Column(name = "effective_rate", nullable = false, precision = 9, scale = 4)
  private BigDecimal effectiveRate;

  @Column(name = "display_rate", precision = 9, scale = 4)
  private BigDecimal displayRate;

  @Column(name = "can_apply_to_revenue", nullable = false)
  private boolean revenue;

  @Column(name = "can_apply_to_expenses", nullable = false)
  private boolean expenses;

  @Column(name = "can_apply_to_assets", nullable = false)
  private boolean assets;

  @Column(name = "can_apply_to_liabilities", nullable = false)
  private boolean liabilities;

  @Column(name = "can_apply_to_equity", nullable = false)
  private boolean equity;

  protected XeroTaxRate() {}

  public XeroTaxRate(
      String tenantId,
      String taxType,
      String name,
      String status,
      BigDecimal effectiveRate,
      BigDecimal displayRate,
      boolean revenue,
      boolean expenses,
      boolean assets,
      boolean liabilities,
      boolean equity) {
    super(tenantId);
    this.taxType = taxType;
    this.name = name;
    this.status = status;
    this.effectiveRate = effectiveRate;
    this.displayRate = displayRate;
    this.revenue = revenue;
    this.expenses = expenses;
    this.assets = assets;
    this.liabilities = liabilities;
    this.equity = equity;
  }

  public boolean isActive() {
    return "ACTIVE".equals(status);
  }

  /**
   * Whether Xero lets this rate be used on an account of the given class ({@code REVENUE}, {@code
   * EXPENSE}, {@code ASSET}, {@code LIABILITY}, {@code EQUITY}).
   */
  public boolean canApplyTo(String accountClass) {
    if (accountClass == null) {
      return true;
    }
    return switch (accountClass) {
      case "REVENUE" -> revenue;
      case "EXPENSE" -> expenses;
      case "ASSET" -> assets;
      case "LIABILITY" -> liabilities;
      case "EQUITY" -> equity;
      default -> true;
    };
  }

  public String getTaxType() {
    return taxType;
  }

  public String getName() {
    return name;
  }

  public String getStatus() {
    return status;
  }

  public BigDecimal getEffectiveRate() {
    return effectiveRate;
  }

  public BigDecimal getDisplayRate() {
    return displayRate;
  }

  public boolean isRevenue() {
    return revenue;
  }

  public boolean isExpenses() {
    return expenses;
  }
}
