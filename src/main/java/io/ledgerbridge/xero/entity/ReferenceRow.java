package io.ledgerbridge.xero.entity;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;

/**
 * What every row of downloaded reference data has: a surrogate key and the organisation (tenant) it
 * belongs to. Rows are replaced as a whole on every refresh, never edited.
 */
@MappedSuperclass
public abstract class ReferenceRow {

  @Id
  @SequenceGenerator(
      name = "xero_reference_seq",
      sequenceName = "xero_reference_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "xero_reference_seq")
  private Long id;

  @Column(name = "tenant_id", nullable = false, length = 36)
  private String tenantId;

  protected ReferenceRow() {}

  protected ReferenceRow(String tenantId) {
    this.tenantId = tenantId;
  }

  public String getTenantId() {
    return tenantId;
  }
}
