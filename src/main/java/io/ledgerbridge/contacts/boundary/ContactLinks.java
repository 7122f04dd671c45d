package io.ledgerbridge.contacts.boundary;

import io.ledgerbridge.contacts.control.KnownContact;
import io.ledgerbridge.contacts.entity.CachedXeroContact;
import io.ledgerbridge.contacts.entity.ContactLink;
import io.ledgerbridge.contacts.entity.LinkState;
import io.ledgerbridge.platform.audit.AuditLog;
import io.ledgerbridge.xero.boundary.ConnectionView;
import io.ledgerbridge.xero.boundary.XeroConnections;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The links from source contact codes to Xero contacts in the connected organisation — what the
 * import asks before sending a document ({@link #state}, {@link #states}) and tells when Xero
 * refuses one for its contact ({@link #markStale}). Every change is audited.
 */
@Stateless
public class ContactLinks {

  @PersistenceContext private EntityManager em;
  @Inject private AuditLog audit;
  @Inject private XeroConnections connections;

  /** The link state of a source contact in the connected organisation (UNLINKED when none). */
  public ContactLinkStatus state(String sourceContactCode) {
    return states(List.of(sourceContactCode))
        .getOrDefault(sourceContactCode, ContactLinkStatus.unlinked(sourceContactCode));
  }

  /** The link states of many source contacts at once (a page of transactions): one query. */
  public Map<String, ContactLinkStatus> states(Collection<String> sourceContactCodes) {
    Map<String, ContactLinkStatus> out = new HashMap<>();
    List<String> codes = sourceContactCodes.stream().filter(c -> c != null).distinct().toList();
    for (String code : codes) {
      out.put(code, ContactLinkStatus.unlinked(code));
    }
    Optional<String> tenant = tenant();
    if (tenant.isEmpty() || codes.isEmpty()) {
      return out;
    }
    for (int from = 0; from < codes.size(); from += 500) {
      List<String> chunk = codes.subList(from, Math.min(codes.size(), from + 500));
      em.createQuery(
              "SELECT l FROM ContactLink l WHERE l.tenantId = :t AND l.sourceCode IN :codes",
              ContactLink.class)
          .setParameter("t", tenant.get())
          .setParameter("codes", chunk)
          .getResultList()
          .forEach(l -> out.put(l.getSourceCode(), ContactLinkStatus.of(l)));
    }
    return out;
  }

  /**
   * Flags every link to this Xero contact as stale, e.g. when Xero refused a document because the
   * contact is archived. Import of those source contacts is blocked until someone relinks.
   *
   * @return how many links became stale
   */
  public int markStale(String xeroContactId, String reason) {
    Optional<String> tenant = tenant();
    if (tenant.isEmpty()) {
      return 0;
    }
    int changed = 0;
    for (ContactLink link :
        em.createQuery(
                "SELECT l FROM ContactLink l WHERE l.tenantId = :t AND l.xeroContactId = :id",
                ContactLink.class)
            .setParameter("t", tenant.get())
            .setParameter("id", xeroContactId)
            .getResultList()) {
      if (link.markStale(reason, Instant.now())) {
        audit.record("system", "contact.link.stale", link.getSourceCode(), reason);
        changed++;
      }
    }
    return changed;
  }

  /** All links of an organisation, by source code. */
  public Map<String, ContactLinkStatus> all(String tenant) {
    Map<String, ContactLinkStatus> out = new HashMap<>();
    em.createQuery("SELECT l FROM ContactLink l WHERE l.tenantId = :t", ContactLink.class)
        .setParameter("t", tenant)
        .getResultList()
        .forEach(l -> out.put(l.getSourceCode(), ContactLinkStatus.of(l)));
    return out;
  }

  /** Links (or relinks) a source contact to an active Xero contact. */
  public ContactLinkStatus link(
      String tenant, String code, KnownContact contact, String actor, String how) {
    Instant now = Instant.now();
    Optional<ContactLink> existing = find(tenant, code);
    ContactLink link;
    String before =
        existing
            .map(l -> l.getXeroName() + " (" + l.getXeroContactId() + ", " + l.getState() + ")")
            .orElse("none");
    if (existing.isPresent()) {
      link = existing.get();
      link.relink(contact.contactId(), contact.name(), actor, now);
    } else {
      link = new ContactLink(tenant, code, contact.contactId(), contact.name(), actor, now);
      em.persist(link);
    }
    audit.record(
        actor,
        existing.isPresent() ? "contact.relinked" : "contact.linked",
        code,
        how + ": " + contact.name() + " (" + contact.contactId() + "), before: " + before);
    return ContactLinkStatus.of(link);
  }

  /** Removes a link; false when there was none. */
  public boolean unlink(String tenant, String code, String actor) {
    Optional<ContactLink> existing = find(tenant, code);
    existing.ifPresent(
        l -> {
          em.remove(l);
          audit.record(
              actor,
              "contact.unlinked",
              code,
              "was " + l.getXeroName() + " (" + l.getXeroContactId() + ", " + l.getState() + ")");
        });
    return existing.isPresent();
  }

  /**
   * Flags links whose cached Xero contact is no longer active (archived, merged). Called after each
   * cache refresh.
   */
  public int detectStale(String tenant, String actor) {
    List<Object[]> rows =
        em.createQuery(
                "SELECT l, c FROM ContactLink l, CachedXeroContact c WHERE l.tenantId = :t"
                    + " AND c.tenantId = :t AND c.contactId = l.xeroContactId AND l.state = :linked"
                    + " AND c.status <> 'ACTIVE'",
                Object[].class)
            .setParameter("t", tenant)
            .setParameter("linked", LinkState.LINKED)
            .getResultList();
    List<String> flagged = new ArrayList<>();
    Instant now = Instant.now();
    for (Object[] row : rows) {
      ContactLink link = (ContactLink) row[0];
      KnownContact contact = ((CachedXeroContact) row[1]).toKnown();
      String reason;
      if (contact.merged()) {
        String into =
            em
                .createQuery(
                    "SELECT c.name FROM CachedXeroContact c WHERE c.tenantId = :t AND c.contactId = :id",
                    String.class)
                .setParameter("t", tenant)
                .setParameter("id", contact.mergedToContactId())
                .getResultList()
                .stream()
                .findFirst()
                .orElse(contact.mergedToContactId());
        reason = "Merged in Xero into " + into + ".";
      } else {
        reason = "The Xero contact is " + contact.status().toLowerCase() + ".";
      }
      if (link.markStale(reason, now)) {
        audit.record(actor, "contact.link.stale", link.getSourceCode(), reason);
        flagged.add(link.getSourceCode());
      }
    }
    return flagged.size();
  }

  private Optional<ContactLink> find(String tenant, String code) {
    return em
        .createQuery(
            "SELECT l FROM ContactLink l WHERE l.tenantId = :t AND l.sourceCode = :code",
            ContactLink.class)
        .setParameter("t", tenant)
        .setParameter("code", code)
        .getResultList()
        .stream()
        .findFirst();
  }

  private Optional<String> tenant() {
    return connections.current().map(ConnectionView::tenantId);
  }
}
