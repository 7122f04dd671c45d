package io.ledgerbridge.xero.client.wire;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A manual journal (COGS, inventory value adjustments). */
public class ManualJournal extends XeroElement {

  public String manualJournalID;
  public String narration;
  public LocalDate date;
  public String status;
  public String lineAmountTypes;
  public String url;
  public Boolean showOnCashBasisReports;
  public List<ManualJournalLine> journalLines;
  public Boolean hasAttachments;
  public Instant updatedDateUTC;
}
