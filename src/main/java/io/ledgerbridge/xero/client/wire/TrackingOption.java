package io.ledgerbridge.xero.client.wire;

/** An option of a tracking category. */
public class TrackingOption extends XeroObject {

  public String trackingOptionID;
  public String name;
  public String status;
}
