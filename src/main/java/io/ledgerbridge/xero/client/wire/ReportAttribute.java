package io.ledgerbridge.xero.client.wire;

/** An attribute of a report cell (e.g. the account id). */
public class ReportAttribute extends XeroObject {

  public String id;
  public String value;
}
