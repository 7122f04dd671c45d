package io.ledgerbridge.xero.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A currency enabled in the organisation. */
@Entity
@Table(name = "xero_currency")
public class XeroCurrency extends ReferenceRow {

  @Column(nullable = false, length = 3)
  private String code;

  @Column(length = 100)
  private String description;

  protected XeroCurrency() {}

  public XeroCurrency(String tenantId, String code, String description) {
    super(tenantId);
    this.code = code;
    this.description = description;
  }

  public String getCode() {
    return code;
  }

  public String getDescription() {
    return description;
  }
}
