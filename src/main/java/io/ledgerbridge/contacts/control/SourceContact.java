package io.ledgerbridge.contacts.control;

/**
 * A contact as the inventory system knows it: its code (the key links use), name and e-mail.
 *
 * @param waiting how many of its transactions wait for import (0 when not known)
 */
public record SourceContact(String code, String name, String email, long waiting) {

  public SourceContact(String code, String name, String email) {
    this(code, name, email, 0);
  }
}
