package io.ledgerbridge.contacts.boundary;

import io.ledgerbridge.contacts.control.KnownContact;
import io.ledgerbridge.platform.BusinessException;
import jakarta.ejb.ApplicationException;

/** A contact action that cannot be done as asked; the message says why. */
@ApplicationException(rollback = true)
public class ContactProblem extends BusinessException {

  public ContactProblem(int status, String message) {
    super(status, message);
  }

  /** The Xero contact named does not exist (422). */
  public static ContactProblem unknownXeroContact(String id) {
    return new ContactProblem(422, "Xero has no contact with the id " + id + ".");
  }

  /**
   * Xero refused to create the contact because its name (or code) is taken by an existing contact,
   * which the caller may link instead (409).
   */
  @ApplicationException(rollback = true)
  public static class NameTaken extends ContactProblem {
    private final transient KnownContact existing;

    public NameTaken(String message, KnownContact existing) {
      super(409, message);
      this.existing = existing;
    }

    /** The contact that has the name, when it could be found. */
    public KnownContact existing() {
      return existing;
    }
  }
}
