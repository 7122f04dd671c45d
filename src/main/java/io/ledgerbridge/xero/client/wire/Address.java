package io.ledgerbridge.xero.client.wire;

/** A contact's address (POBOX or STREET). */
public class Address extends XeroObject {

  public String addressType;
  public String addressLine1;
  public String addressLine2;
  public String addressLine3;
  public String addressLine4;
  public String city;
  public String region;
  public String postalCode;
  public String country;
  public String attentionTo;
}
