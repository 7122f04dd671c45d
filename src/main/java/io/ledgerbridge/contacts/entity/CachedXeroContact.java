package io.ledgerbridge.contacts.entity;

import io.ledgerbridge.contacts.control.KnownContact;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A Xero contact as last read from Xero (archived ones included). */
@Entity
@Table(name = "xero_contact_cache")
public class CachedXeroContact {

  @Id
  @SequenceGenerator(name = "contact_cache_seq", sequenceName = "contact_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_cache_seq")
  private Long id;

  @Column(name = "tenant_id", nullable = false, length = 36)
  private String tenantId;

  @Column(name = "contact_id", nullable = false, length = 36)
  private String contactId;

  private String name;

  @Column(name = "contact_number", length = 50)
  private String contactNumber;

  @Column(name = "account_number", length = 50)
  private String accountNumber;

  private String email;

  @Column(nullable = false, length = 20)
  private String status;

  @Column(name = "merged_to", length = 36)
  private String mergedTo;

  @Column(name = "updated_utc")
  private Instant updatedUtc;

  protected CachedXeroContact() {}

  public CachedXeroContact(String tenantId, String contactId) {
    this.tenantId = tenantId;
    this.contactId = contactId;
    this.status = "ACTIVE";
  }

  /** Takes Xero's current values. */
  public void update(KnownContact c, Instant updated) {
    this.name = cut(c.name(), 255);
    this.contactNumber = cut(c.contactNumber(), 50);
    this.accountNumber = cut(c.accountNumber(), 50);
    this.email = cut(c.email(), 255);
    this.status = c.status() == null || c.status().isBlank() ? "ACTIVE" : cut(c.status(), 20);
    this.mergedTo = cut(c.mergedToContactId(), 36);
    this.updatedUtc = updated;
  }

  private static String cut(String s, int max) {
    if (s == null || s.isBlank()) {
      return null;
    }
    return s.length() <= max ? s : s.substring(0, max);
  }

  public KnownContact toKnown() {
    return new KnownContact(contactId, name, contactNumber, accountNumber, email, status, mergedTo);
  }

  public String getContactId() {
    return contactId;
  }

  public String getName() {
    return name;
  }

  public String getStatus() {
    return status;
  }

  public Instant getUpdatedUtc() {
    return updatedUtc;
  }
}
