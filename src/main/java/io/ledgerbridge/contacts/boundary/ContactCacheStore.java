package io.ledgerbridge.contacts.boundary;

import io.ledgerbridge.contacts.control.KnownContact;
import io.ledgerbridge.contacts.entity.CachedXeroContact;
import io.ledgerbridge.contacts.entity.ContactCacheState;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The local copy of the organisation's Xero contacts and when it was read. */
@Stateless
public class ContactCacheStore {

  @PersistenceContext private EntityManager em;

  public Optional<ContactCacheState> state(String tenant) {
    return Optional.ofNullable(em.find(ContactCacheState.class, tenant));
  }

  /**
   * Stores what Xero answered (new and changed contacts) and records the read.
   *
   * @param updated each contact's UpdatedDateUTC (may miss some)
   * @return how many contacts were new or changed
   */
  public int apply(
      String tenant, List<KnownContact> contacts, Map<String, Instant> updated, Instant now) {
    Map<String, CachedXeroContact> existing = new HashMap<>();
    for (CachedXeroContact c : rows(tenant)) {
      existing.put(c.getContactId(), c);
    }
    Instant newest = null;
    for (KnownContact c : contacts) {
      CachedXeroContact row = existing.get(c.contactId());
      if (row == null) {
        row = new CachedXeroContact(tenant, c.contactId());
        em.persist(row);
        existing.put(c.contactId(), row);
      }
      Instant at = updated.get(c.contactId());
      row.update(c, at);
      if (at != null && (newest == null || at.isAfter(newest))) {
        newest = at;
      }
    }
    ContactCacheState state = em.find(ContactCacheState.class, tenant);
    if (state == null) {
      state = new ContactCacheState(tenant);
      em.persist(state);
    }
    state.refreshed(now, newest);
    return contacts.size();
  }

  /** Forgets everything cached for the organisation, so the next refresh reads all contacts. */
  public void clear(String tenant) {
    em.createQuery("DELETE FROM CachedXeroContact c WHERE c.tenantId = :t")
        .setParameter("t", tenant)
        .executeUpdate();
    em.createQuery("DELETE FROM ContactCacheState s WHERE s.tenantId = :t")
        .setParameter("t", tenant)
        .executeUpdate();
  }

  /** Stores one contact read or created outside a refresh. */
  public void put(String tenant, KnownContact contact, Instant updated) {
    List<CachedXeroContact> found =
        em.createQuery(
                "SELECT c FROM CachedXeroContact c WHERE c.tenantId = :t AND c.contactId = :id",
                CachedXeroContact.class)
            .setParameter("t", tenant)
            .setParameter("id", contact.contactId())
            .getResultList();
    CachedXeroContact row = found.isEmpty() ? null : found.get(0);
    if (row == null) {
      row = new CachedXeroContact(tenant, contact.contactId());
      em.persist(row);
    }
    row.update(contact, updated);
  }

  public List<KnownContact> contacts(String tenant) {
    return rows(tenant).stream().map(CachedXeroContact::toKnown).toList();
  }

  public Optional<KnownContact> contact(String tenant, String contactId) {
    return em
        .createQuery(
            "SELECT c FROM CachedXeroContact c WHERE c.tenantId = :t AND c.contactId = :id",
            CachedXeroContact.class)
        .setParameter("t", tenant)
        .setParameter("id", contactId)
        .getResultList()
        .stream()
        .findFirst()
        .map(CachedXeroContact::toKnown);
  }

  private List<CachedXeroContact> rows(String tenant) {
    return em.createQuery(
            "SELECT c FROM CachedXeroContact c WHERE c.tenantId = :t ORDER BY c.name",
            CachedXeroContact.class)
        .setParameter("t", tenant)
        .getResultList();
  }
}
