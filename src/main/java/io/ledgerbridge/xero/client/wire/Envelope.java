package io.ledgerbridge.xero.client.wire;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;

/**
 * Xero's answer envelope, and the wrapper of request bodies ({@code {"Invoices":[…]}}): one class
 * with every collection LedgerBridge uses, of which one is filled.
 */
public class Envelope extends XeroObject {

  public String id;
  public String status;
  public String providerName;
  public Instant dateTimeUTC;

  @JsonbProperty("pagination")
  public Pagination pagination;

  public List<ValidationMessage> warnings;

  public List<Organisation> organisations;
  public List<Account> accounts;
  public List<TaxRate> taxRates;
  public List<TrackingCategory> trackingCategories;
  public List<Currency> currencies;
  public List<Contact> contacts;
  public List<Invoice> invoices;
  public List<CreditNote> creditNotes;
  public List<ManualJournal> manualJournals;
  public List<Payment> payments;
  public List<Report> reports;
}
