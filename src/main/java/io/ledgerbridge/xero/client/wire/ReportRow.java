package io.ledgerbridge.xero.client.wire;

import java.util.List;

/** A report row: Header, Section (with Rows), Row or SummaryRow. */
public class ReportRow extends XeroObject {

  public String rowType;
  public String title;
  public List<ReportCell> cells;
  public List<ReportRow> rows;
}
