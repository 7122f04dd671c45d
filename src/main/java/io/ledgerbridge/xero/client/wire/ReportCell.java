package io.ledgerbridge.xero.client.wire;

import java.util.List;

/** One cell of a report row. */
public class ReportCell extends XeroObject {

  public String value;
  public List<ReportAttribute> attributes;
}
