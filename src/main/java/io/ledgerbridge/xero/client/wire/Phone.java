package io.ledgerbridge.xero.client.wire;

/** A contact's phone number. */
public class Phone extends XeroObject {

  public String phoneType;
  public String phoneNumber;
  public String phoneAreaCode;
  public String phoneCountryCode;
}
