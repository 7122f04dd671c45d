package io.ledgerbridge.xero.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A tracking category (Xero allows two active ones); its options are {@link XeroTrackingOption}.
 */
@Entity
@Table(name = "xero_tracking_category")
public class XeroTrackingCategory extends ReferenceRow {

  @Column(name = "category_id", nullable = false, length = 36)
  private String categoryId;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(nullable = false, length = 20)
  private String status;

  protected XeroTrackingCategory() {}

  public XeroTrackingCategory(String tenantId, String categoryId, String name, String status) {
    super(tenantId);
    this.categoryId = categoryId;
    this.name = name;
    this.status = status;
  }

  public String getCategoryId() {
    return categoryId;
  }

  public String getName() {
    return name;
  }

  public String getStatus() {
    return status;
  }
}
