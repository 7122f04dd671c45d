package io.ledgerbridge.xero.client.wire;

/** A line's tracking: category and option by name, or by id. */
public class TrackingRef extends XeroObject {

  public String trackingCategoryID;
  public String trackingOptionID;
  public String name;
  public String option;
}
