package io.ledgerbridge.xero.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An option of a tracking category. */
@Entity
@Table(name = "xero_tracking_option")
public class XeroTrackingOption extends ReferenceRow {

  @Column(name = "category_id", nullable = false, length = 36)
  private String categoryId;

  @Column(name = "option_id", nullable = false, length = 36)
  private String optionId;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(nullable = false, length = 20)
  private String status;

  protected XeroTrackingOption() {}

  public XeroTrackingOption(
      String tenantId, String categoryId, String optionId, String name, String status) {
    super(tenantId);
    this.categoryId = categoryId;
    this.optionId = optionId;
    this.name = name;
    this.status = status;
  }

  public String getCategoryId() {
    return categoryId;
  }

  public String getOptionId() {
    return optionId;
  }

  public String getName() {
    return name;
  }

  public String getStatus() {
    return status;
  }
}
