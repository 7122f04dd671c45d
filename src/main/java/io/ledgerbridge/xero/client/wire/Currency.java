package io.ledgerbridge.xero.client.wire;

/** A currency the organisation is subscribed to (GET /Currencies). */
public class Currency extends XeroObject {

  public String code;
  public String description;
}
