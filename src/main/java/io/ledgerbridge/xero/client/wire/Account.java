package io.ledgerbridge.xero.client.wire;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;

/**
 * A chart-of-accounts entry (GET /Accounts). {@code Type} and {@code Class} stay strings: Xero adds
 * values over time.
 */
public class Account extends XeroElement {

  public String accountID;
  public String code;
  public String name;
  public String type;
  public String status;
  public String description;
  public String taxType;
  public String bankAccountNumber;
  public String bankAccountType;
  public String currencyCode;

  @JsonbProperty("Class")
  public String accountClass;

  public String systemAccount;
  public String reportingCode;
  public String reportingCodeName;
  public Boolean enablePaymentsToAccount;
  public Boolean showInExpenseClaims;
  public Boolean hasAttachments;
  public Instant updatedDateUTC;
}
