package io.ledgerbridge.xero.client.wire;

import java.time.Instant;
import java.util.List;

/** A report such as the Trial Balance, in Xero's generic rows-and-cells shape. */
public class Report extends XeroObject {

  public String reportID;
  public String reportName;
  public String reportType;
  public List<String> reportTitles;
  public String reportDate;
  public List<ReportRow> rows;
  public Instant updatedDateUTC;
}
