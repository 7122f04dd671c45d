package io.ledgerbridge.intake.entity;

/** A postal address as the inventory system sends it. Every part is optional. */
public record Address(
    String line1, String line2, String city, String region, String postalCode, String country) {

  public static final Address EMPTY = new Address(null, null, null, null, null, null);

  public boolean isEmpty() {
    return line1 == null
        && line2 == null
        && city == null
        && region == null
        && postalCode == null
        && country == null;
  }
}
