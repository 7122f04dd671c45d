package io.ledgerbridge.contacts.boundary;

import io.ledgerbridge.contacts.control.KnownContact;
import io.ledgerbridge.contacts.entity.ContactCacheState;
import io.ledgerbridge.xero.boundary.XeroConnections;
import io.ledgerbridge.xero.client.XeroClient;
import io.ledgerbridge.xero.client.XeroQuery;
import io.ledgerbridge.xero.client.XeroTarget;
import io.ledgerbridge.xero.client.wire.Contact;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Reads the organisation's contacts from Xero into the local cache: all of them the first time,
 * then only those changed since the newest one seen (If-Modified-Since), archived ones included so
 * that links to archived or merged contacts turn stale. Paged by the client; never one call per
 * source contact. Xero calls run outside any transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class XeroContactCache {

  /** Matching refreshes the cache first when it is older than this. */
  public static final Duration MAX_AGE = Duration.ofMinutes(5);

  private static final Logger LOG = Logger.getLogger(XeroContactCache.class.getName());

  @Inject private XeroConnections connections;
  @Inject private XeroClient client;
  @Inject private ContactCacheStore store;
  @Inject private ContactLinks links;

  /** What one refresh did. */
  public record Refresh(String tenantId, int read, int newlyStale, Instant at) {}

  /**
   * Reads what changed in Xero since the last refresh.
   *
   * @throws io.ledgerbridge.xero.client.XeroReconnectRequired when Xero is not connected (503)
   */
  public Refresh refresh(String actor) {
    return refresh(actor, false);
  }

  /**
   * Reads what changed in Xero since the last refresh or, when {@code full}, forgets the cache and
   * reads every contact again (contacts Xero no longer has — only possible in a sandbox — vanish).
   */
  public Refresh refresh(String actor, boolean full) {
    XeroTarget target = connections.requireTarget();
    String tenant = target.tenantId();
    if (full) {
      store.clear(tenant);
    }
    // Xero compares If-Modified-Since at second precision and strictly: go back one second and
    // accept reading the newest contacts twice.
    Instant since =
        store
            .state(tenant)
            .map(ContactCacheState::getModifiedSince)
            .map(i -> i.minusSeconds(1))
            .orElse(null);
    XeroQuery query = XeroQuery.all().withIncludeArchived(true);
    if (since != null) {
      query = query.withModifiedSince(since);
    }
    List<Contact> read = client.allContacts(target, query);
    Map<String, Instant> updated = new HashMap<>();
    List<KnownContact> contacts =
        read.stream()
            .filter(c -> c.contactID != null)
            .peek(
                c -> {
                  if (c.updatedDateUTC != null) {
                    updated.put(c.contactID, c.updatedDateUTC);
                  }
                })
            .map(XeroContactCache::known)
            .toList();
    Instant now = Instant.now();
    store.apply(tenant, contacts, updated, now);
    int stale = links.detectStale(tenant, actor);
    LOG.info(
        () ->
            "Xero contacts refreshed for "
                + tenant
                + ": "
                + contacts.size()
                + " read"
                + (since == null ? " (full)" : " (changed since " + since + ")")
                + ", "
                + stale
                + " links newly stale");
    return new Refresh(tenant, contacts.size(), stale, now);
  }

  /** The connected organisation's tenant id, after refreshing the cache when it is too old. */
  public String ensureFresh() {
    XeroTarget target = connections.requireTarget();
    boolean old =
        store.state(target.tenantId()).map(s -> s.olderThan(MAX_AGE, Instant.now())).orElse(true);
    if (old) {
      refresh("system");
    }
    return target.tenantId();
  }

  /** Reads one contact from Xero now (by ContactID or ContactNumber) and caches it. */
  public Optional<KnownContact> fetch(String idOrNumber) {
    XeroTarget target = connections.requireTarget();
    Optional<Contact> found = client.contact(target, idOrNumber);
    found.ifPresent(c -> store.put(target.tenantId(), known(c), c.updatedDateUTC));
    return found.map(XeroContactCache::known);
  }

  /** Xero's own search (name, e-mail, contact number, …), one page; results are cached. */
  public List<KnownContact> liveSearch(String term) {
    XeroTarget target = connections.requireTarget();
    List<Contact> page =
        client
            .contacts(
                target,
                XeroQuery.all().withSearchTerm(term).withIncludeArchived(true).withPage(1, 100))
            .items();
    for (Contact c : page) {
      if (c.contactID != null) {
        store.put(target.tenantId(), known(c), c.updatedDateUTC);
      }
    }
    return page.stream().filter(c -> c.contactID != null).map(XeroContactCache::known).toList();
  }

  static KnownContact known(Contact c) {
    return new KnownContact(
        c.contactID,
        c.name,
        c.contactNumber,
        c.accountNumber,
        c.emailAddress,
        c.contactStatus == null ? "ACTIVE" : c.contactStatus,
        c.mergedToContactID);
  }
}
