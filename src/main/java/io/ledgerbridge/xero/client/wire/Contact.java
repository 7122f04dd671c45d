package io.ledgerbridge.xero.client.wire;

import java.time.Instant;
import java.util.List;

/**
 * A contact. On documents send only {@code ContactID} (xero-api.md §5.1): use {@link
 * #reference(String)}.
 */
public class Contact extends XeroElement {

  public String contactID;
  public String contactNumber;
  public String accountNumber;
  public String contactStatus;
  public String name;
  public String firstName;
  public String lastName;
  public String emailAddress;
  public String companyNumber;
  public String taxNumber;
  public String accountsReceivableTaxType;
  public String accountsPayableTaxType;
  public String defaultCurrency;
  public Boolean isSupplier;
  public Boolean isCustomer;
  public List<Address> addresses;
  public List<Phone> phones;
  public Boolean hasAttachments;
  public Instant updatedDateUTC;

  /** Set by Xero on a contact that was merged into another (it is then ARCHIVED). */
  public String mergedToContactID;

  /** A contact as documents should carry it: only its id. */
  public static Contact reference(String contactID) {
    Contact contact = new Contact();
    contact.contactID = contactID;
    return contact;
  }
}
