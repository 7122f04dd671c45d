package io.ledgerbridge.contacts.boundary;

import io.ledgerbridge.contacts.control.Candidate;
import io.ledgerbridge.contacts.control.ContactMatcher;
import io.ledgerbridge.contacts.control.KnownContact;
import io.ledgerbridge.contacts.control.Match;
import io.ledgerbridge.contacts.control.SourceContact;
import io.ledgerbridge.contacts.entity.LinkState;
import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.TextRules;
import io.ledgerbridge.xero.boundary.ConnectionView;
import io.ledgerbridge.xero.boundary.XeroConnections;
import io.ledgerbridge.xero.client.BatchResult;
import io.ledgerbridge.xero.client.ElementResult;
import io.ledgerbridge.xero.client.XeroClient;
import io.ledgerbridge.xero.client.XeroQuery;
import io.ledgerbridge.xero.client.XeroTarget;
import io.ledgerbridge.xero.client.wire.Contact;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The matching page's and REST API's actions: the source contacts that need a link with their
 * candidates, link, create in Xero, unlink, confirm all exact matches, search. Calls to Xero run
 * outside any transaction; each stored change is its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ContactMatching {

  private static final Logger LOG = Logger.getLogger(ContactMatching.class.getName());

  @Inject private XeroConnections connections;
  @Inject private XeroClient client;
  @Inject private XeroContactCache cache;
  @Inject private ContactCacheStore cacheStore;
  @Inject private ContactLinks links;
  @Inject private SourceContacts sources;

  /** Which source contacts a list shows. */
  public enum Filter {
    /** With transactions waiting and no valid link (unlinked or stale): the page's default. */
    ATTENTION,
    UNLINKED,
    STALE,
    LINKED,
    /** With transactions waiting, or linked. */
    ALL;

    public static Filter parse(String text) {
      if (text == null || text.isBlank()) {
        return ATTENTION;
      }
      try {
        return valueOf(TextRules.token(text).orElse("?"));
      } catch (IllegalArgumentException e) {
        throw new BusinessException(
            "Unknown state " + text + ": use unlinked, stale, linked, attention or all.");
      }
    }
  }

  /** A source contact, its link and its candidates. */
  public record Row(SourceContact source, ContactLinkStatus link, Match match) {
    public Optional<Candidate> exact() {
      return match.unambiguousExact();
    }
  }

  /** What "Confirm all exact matches" did. */
  public record Confirmed(List<String> linkedCodes, int left) {}

  public List<Row> rows(Filter filter, String text) {
    String tenant = cache.ensureFresh();
    Map<String, SourceContact> all = sources.all();
    Map<String, ContactLinkStatus> linkStates = links.all(tenant);
    ContactMatcher matcher = new ContactMatcher(cacheStore.contacts(tenant), all.values());
    String needle = fold(text);
    List<Row> rows = new ArrayList<>();
    for (SourceContact s : all.values()) {
      ContactLinkStatus link =
          linkStates.getOrDefault(s.code(), ContactLinkStatus.unlinked(s.code()));
      if (!included(filter, s, link)) {
        continue;
      }
      if (!needle.isEmpty()
          && !fold(s.code() + " " + s.name() + " " + (s.email() == null ? "" : s.email()))
              .contains(needle)) {
        continue;
      }
      rows.add(new Row(s, link, matcher.match(s, link.xeroContactId())));
    }
    return rows;
  }

  private static boolean included(Filter filter, SourceContact s, ContactLinkStatus link) {
    boolean waiting = s.waiting() > 0;
    return switch (filter) {
      case ATTENTION -> waiting && link.state() != LinkState.LINKED;
      case UNLINKED -> waiting && link.state() == LinkState.UNLINKED;
      case STALE -> link.state() == LinkState.STALE;
      case LINKED -> link.state() == LinkState.LINKED;
      case ALL -> waiting || link.state() != LinkState.UNLINKED;
    };
  }

  private static String fold(String text) {
    return String.join(" ", tokensOf(text));
  }

  private static List<String> tokensOf(String text) {
    if (text == null) {
      return List.of();
    }
    // Keep '@', '.' and '-' out of the folding so that e-mails and codes still match.
    return List.of(
            java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .trim()
                .split("\\s+"))
        .stream()
        .filter(t -> !t.isEmpty())
        .toList();
  }

  /**
   * How many source contacts the page's default list would show (transactions waiting, no usable
   * link in the connected organisation), from the database alone: no call to Xero.
   */
  public long waitingWithoutLink() {
    return sources.waitingWithoutLink(
        connections.current().map(ConnectionView::tenantId).orElse(null));
  }

  /** One source contact with its candidates. */
  public Row row(String code) {
    SourceContact source = source(code);
    String tenant = cache.ensureFresh();
    ContactMatcher matcher =
        new ContactMatcher(cacheStore.contacts(tenant), sources.all().values());
    ContactLinkStatus link = links.state(code);
    return new Row(source, link, matcher.match(source, link.xeroContactId()));
  }

  private SourceContact source(String code) {
    return sources
        .find(code)
        .orElseThrow(
            () -> new BusinessException.NotFound("No source contact has the code " + code + "."));
  }

  /**
   * Links a source contact to a Xero contact, read from Xero first so an archived or unknown
   * contact is refused.
   */
  public ContactLinkStatus link(String code, String xeroContactId, String actor) {
    source(code);
    if (xeroContactId == null || xeroContactId.isBlank()) {
      throw new BusinessException("Say which Xero contact to link: xeroContactId.");
    }
    String tenant = connections.requireTarget().tenantId();
    KnownContact contact;
    try {
      contact =
          cache
              .fetch(xeroContactId.trim())
              .orElseThrow(() -> ContactProblem.unknownXeroContact(xeroContactId));
    } catch (io.ledgerbridge.xero.client.XeroException.NotFound
        | io.ledgerbridge.xero.client.XeroException.Validation e) {
      throw ContactProblem.unknownXeroContact(xeroContactId);
    }
    requireActive(contact);
    ContactLinkStatus status = links.link(tenant, code, contact, actor, "chosen by a person");
    links.detectStale(tenant, actor);
    return status;
  }

  private static void requireActive(KnownContact contact) {
    if (!contact.active()) {
      throw new ContactProblem(
          409,
          "The Xero contact "
              + contact.name()
              + " is "
              + (contact.merged()
                  ? "merged into another contact"
                  : contact.status().toLowerCase(Locale.ROOT))
              + " in Xero and cannot take documents: link an active contact.");
    }
  }

  /**
   * Creates a Xero contact from the source contact (ContactNumber = the source code) and links it.
   *
   * @throws ContactProblem.NameTaken when Xero answers that the name (or code) is already used,
   *     with that contact when it can be found, so the caller can offer to link it instead
   */
  public ContactLinkStatus create(String code, String actor) {
    SourceContact source = source(code);
    XeroTarget target = connections.requireTarget();
    Contact contact = new Contact();
    contact.name = source.name() == null || source.name().isBlank() ? code : source.name().trim();
    contact.contactNumber = code.length() <= 50 ? code : null;
    if (source.email() != null && !source.email().isBlank()) {
      contact.emailAddress = source.email().trim();
    }
    BatchResult<Contact> result = client.createContacts(target, List.of(contact));
    ElementResult<Contact> element = result.get(0);
    if (element.saved()) {
      KnownContact created =
          element.element() != null && element.element().contactID != null
              ? XeroContactCache.known(element.element())
              : new KnownContact(
                  element.id(), contact.name, code, null, contact.emailAddress, "ACTIVE", null);
      cacheStore.put(
          target.tenantId(),
          created,
          element.element() == null ? null : element.element().updatedDateUTC);
      LOG.info(() -> "Created Xero contact " + created.contactId() + " for source contact " + code);
      return links.link(target.tenantId(), code, created, actor, "created in Xero");
    }
    List<String> messages = element.errors() == null ? List.of() : element.errors();
    String message = String.join(" ", messages);
    switch (element.outcome()) {
      case ERROR, FAILED -> {
        if (message.toLowerCase(Locale.ROOT).contains("already assigned to another contact")
            || message
                .toLowerCase(Locale.ROOT)
                .contains("another contact has this contact number")) {
          boolean number = message.toLowerCase(Locale.ROOT).contains("contact number");
          KnownContact existing = number ? byNumber(code) : byName(target, contact.name);
          throw new ContactProblem.NameTaken(
              "Xero says: "
                  + message
                  + (existing == null
                      ? ""
                      : " Link the existing contact " + existing.name() + " instead?"),
              existing);
        }
        throw new ContactProblem(
            422,
            "Xero refused the new contact: " + (message.isEmpty() ? "no reason given" : message));
      }
      case AMBIGUOUS ->
          throw new ContactProblem(
              503,
              "Xero did not confirm whether the contact was created. Refresh the contacts and look"
                  + " for it before creating it again.");
      default ->
          throw new ContactProblem(
              503,
              "The contact was not sent to Xero: " + (message.isEmpty() ? "try again" : message));
    }
  }

  private KnownContact byNumber(String code) {
    return cache.fetch(code).orElse(null);
  }

  private KnownContact byName(XeroTarget target, String name) {
    Optional<KnownContact> cached = activeNamed(cacheStore.contacts(target.tenantId()), name);
    if (cached.isPresent()) {
      return cached.get();
    }
    cache.refresh("system");
    cached = activeNamed(cacheStore.contacts(target.tenantId()), name);
    if (cached.isPresent()) {
      return cached.get();
    }
    String quoted = name.replace("\\", "\\\\").replace("\"", "\\\"");
    return client
        .contacts(target, XeroQuery.all().withWhere("Name==\"" + quoted + "\"").withPage(1, 10))
        .items()
        .stream()
        .filter(c -> c.contactID != null)
        .map(XeroContactCache::known)
        .filter(KnownContact::active)
        .findFirst()
        .orElse(null);
  }

  private static Optional<KnownContact> activeNamed(List<KnownContact> contacts, String name) {
    String folded = fold(name);
    return contacts.stream()
        .filter(KnownContact::active)
        .filter(c -> fold(c.name()).equals(folded))
        .findFirst();
  }

  /** Removes a source contact's link. */
  public void unlink(String code, String actor) {
    source(code);
    links.unlink(connections.requireTarget().tenantId(), code, actor);
  }

  /**
   * Links every unlinked source contact with transactions waiting whose candidates hold exactly one
   * exact match; leaves all others (no exact match, several, similar names only) to a person.
   */
  public Confirmed confirmExactMatches(String actor) {
    String tenant = cache.ensureFresh();
    List<String> linked = new ArrayList<>();
    int left = 0;
    for (Row row : rows(Filter.UNLINKED, null)) {
      Optional<Candidate> exact = row.exact();
      if (exact.isPresent()) {
        Candidate c = exact.get();
        links.link(
            tenant,
            row.source().code(),
            c.contact(),
            actor,
            "confirmed exact match (" + c.strongest().description() + ")");
        linked.add(row.source().code());
      } else {
        left++;
      }
    }
    return new Confirmed(linked, left);
  }

  /** Xero contacts by name, e-mail or contact number: from the cache, or Xero's own search. */
  public List<KnownContact> search(String term, boolean live) {
    if (term == null || term.isBlank()) {
      return List.of();
    }
    if (live) {
      return cache.liveSearch(term.trim());
    }
    String tenant = cache.ensureFresh();
    return new ContactMatcher(cacheStore.contacts(tenant), List.of()).search(term, 25);
  }

  public XeroContactCache.Refresh refresh(String actor) {
    return cache.refresh(actor, false);
  }

  /** Reads every contact again instead of only the changed ones. */
  public XeroContactCache.Refresh refresh(String actor, boolean full) {
    return cache.refresh(actor, full);
  }
}
