package io.ledgerbridge.xero.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An account of the organisation's chart of accounts. */
@Entity
@Table(name = "xero_account")
public class XeroAccount extends ReferenceRow {

  @Column(name = "account_id", nullable = false, length = 36)
  private String accountId;

  @Column(length = 10)
  private String code;

  @Column(nullable = false, length = 150)
  private String name;

  @Column(name = "account_type", nullable = false, length = 30)
  private String type;

  @Column(name = "account_class", length = 20)
  private String accountClass;

  @Column(nullable = false, length = 20)
  private String status;

  @Column(name = "tax_type", length = 50)
  private String taxType;

  @Column(name = "system_account", length = 50)
  private String systemAccount;

  @Column(name = "bank_account", nullable = false)
  private boolean bankAccount;

  protected XeroAccount() {}

  public XeroAccount(
      String tenantId,
      String accountId,
      String code,
      String name,
      String type,
      String accountClass,
      String status,
      String taxType,
      String systemAccount) {
    super(tenantId);
    this.accountId = accountId;
    this.code = code;
    this.name = name;
    this.type = type;
    this.accountClass = accountClass;
    this.status = status;
    this.taxType = taxType;
    this.systemAccount = systemAccount;
    this.bankAccount = "BANK".equals(type);
  }

  public boolean isActive() {
    return "ACTIVE".equals(status);
  }

  /**
   * Xero's INVENTORY type: tracked-item accounts that invoices and journals may not use directly.
   */
  public boolean isInventoryType() {
    return "INVENTORY".equals(type);
  }

  public String getAccountId() {
    return accountId;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getType() {
    return type;
  }

  public String getAccountClass() {
    return accountClass;
  }

  public String getStatus() {
    return status;
  }

  public String getTaxType() {
    return taxType;
  }

  public String getSystemAccount() {
    return systemAccount;
  }

  public boolean isBankAccount() {
    return bankAccount;
  }
}
