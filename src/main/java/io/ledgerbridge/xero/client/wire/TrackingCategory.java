package io.ledgerbridge.xero.client.wire;

import java.util.List;

/** A tracking category with its options (GET /TrackingCategories). */
public class TrackingCategory extends XeroElement {

  public String trackingCategoryID;
  public String name;
  public String status;
  public List<TrackingOption> options;
}
