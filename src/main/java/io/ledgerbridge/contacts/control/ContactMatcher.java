package io.ledgerbridge.contacts.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Ranks Xero contacts as candidates for source contacts by product.md §4: contact number = source
 * code, account number = source code, e-mail, exact normalised name, then similar names. Built once
 * over the cached Xero contacts and all source contacts, then asked per source contact; no I/O.
 *
 * <p>Exact rules are kept free of false positives: an e-mail that several differently named source
 * contacts share is only a suggestion, as is an equal name whose e-mail domains differ. Similar
 * names are never exact.
 */
public class ContactMatcher {

  /** Below this name similarity a contact is not suggested. */
  public static final double SIMILARITY_THRESHOLD = 0.88;

  public static final int MAX_CANDIDATES = 8;

  private final List<Entry> xero = new ArrayList<>();
  private final Map<String, Entry> byId = new HashMap<>();
  private final Map<String, List<Entry>> byNumber = new HashMap<>();
  private final Map<String, List<Entry>> byAccount = new HashMap<>();
  private final Map<String, List<Entry>> byEmail = new HashMap<>();
  private final Map<String, List<Entry>> byName = new HashMap<>();
  private final Set<String> sharedEmails = new HashSet<>();

  private record Entry(KnownContact contact, String name) {}

  public ContactMatcher(Collection<KnownContact> xeroContacts, Collection<SourceContact> sources) {
    for (KnownContact c : xeroContacts) {
      Entry e = new Entry(c, ContactNames.normalise(c.name()));
      xero.add(e);
      byId.put(c.contactId(), e);
      index(byNumber, key(c.contactNumber()), e);
      index(byAccount, key(c.accountNumber()), e);
      index(byEmail, ContactNames.email(c.email()), e);
      index(byName, e.name(), e);
    }
    Map<String, Set<String>> namesByEmail = new HashMap<>();
    for (SourceContact s : sources) {
      String email = ContactNames.email(s.email());
      if (!email.isEmpty()) {
        namesByEmail
            .computeIfAbsent(email, k -> new HashSet<>())
            .add(ContactNames.normalise(s.name()));
      }
    }
    namesByEmail.forEach(
        (email, names) -> {
          if (names.size() > 1) {
            sharedEmails.add(email);
          }
        });
  }

  private static String key(String value) {
    return value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
  }

  private static void index(Map<String, List<Entry>> map, String key, Entry e) {
    if (!key.isEmpty()) {
      map.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
    }
  }

  public Match match(SourceContact source) {
    return match(source, null);
  }

  /**
   * The candidates for a source contact that is (or was) linked to {@code linkedContactId}: when
   * Xero merged that contact into another, the other is a candidate too.
   */
  public Match match(SourceContact source, String linkedContactId) {
    Map<String, List<Evidence>> evidence = new HashMap<>();
    Map<String, KnownContact> contacts = new HashMap<>();
    Entry linked = linkedContactId == null ? null : byId.get(linkedContactId);
    if (linked != null && linked.contact().merged()) {
      Entry into = byId.get(linked.contact().mergedToContactId());
      if (into != null) {
        add(evidence, contacts, into, Evidence.of(Rule.MERGED_INTO));
      }
    }
    String code = key(source.code());
    String email = ContactNames.email(source.email());
    String name = ContactNames.normalise(source.name());

    for (Entry e : byNumber.getOrDefault(code, List.of())) {
      add(evidence, contacts, e, Evidence.of(Rule.CONTACT_NUMBER));
    }
    for (Entry e : byAccount.getOrDefault(code, List.of())) {
      add(evidence, contacts, e, Evidence.of(Rule.ACCOUNT_NUMBER));
    }
    List<Entry> sameEmail = byEmail.getOrDefault(email, List.of());
    long activeWithEmail = sameEmail.stream().filter(e -> e.contact().active()).count();
    for (Entry e : sameEmail) {
      // An address several contacts use (a group's accounts inbox) does not identify one of them.
      boolean shared =
          (sharedEmails.contains(email) || activeWithEmail > 1) && !name.equals(e.name());
      add(evidence, contacts, e, Evidence.of(shared ? Rule.SHARED_EMAIL : Rule.EMAIL));
    }
    for (Entry e : byName.getOrDefault(name, List.of())) {
      String theirs = ContactNames.domain(e.contact().email());
      String ours = ContactNames.domain(source.email());
      boolean conflict = !theirs.isEmpty() && !ours.isEmpty() && !theirs.equals(ours);
      add(
          evidence,
          contacts,
          e,
          Evidence.of(conflict ? Rule.SAME_NAME_OTHER_EMAIL : Rule.EXACT_NAME));
    }
    if (!name.isEmpty()) {
      for (Entry e : xero) {
        if (e.name().equals(name)) {
          continue;
        }
        double similarity = Similarity.score(name, e.name());
        if (similarity >= SIMILARITY_THRESHOLD) {
          add(
              evidence,
              contacts,
              e,
              new Evidence(Rule.SIMILAR_NAME, Rule.SIMILAR_NAME.weight() * similarity, similarity));
        }
      }
    }

    List<Candidate> candidates = new ArrayList<>();
    evidence.forEach(
        (id, list) -> {
          list.sort(
              Comparator.comparing((Evidence ev) -> ev.rule().exact())
                  .reversed()
                  .thenComparing(Comparator.comparingDouble(Evidence::score).reversed()));
          double score = list.stream().mapToDouble(Evidence::score).max().orElse(0);
          candidates.add(new Candidate(contacts.get(id), List.copyOf(list), score));
        });
    candidates.sort(
        Comparator.comparing(Candidate::exact)
            .thenComparing(c -> c.contact().active())
            .thenComparingDouble(Candidate::score)
            .reversed()
            .thenComparing(c -> c.contact().name() == null ? "" : c.contact().name()));
    return new Match(
        source, List.copyOf(candidates.subList(0, Math.min(MAX_CANDIDATES, candidates.size()))));
  }

  private static void add(
      Map<String, List<Evidence>> evidence,
      Map<String, KnownContact> contacts,
      Entry e,
      Evidence ev) {
    contacts.put(e.contact().contactId(), e.contact());
    evidence.computeIfAbsent(e.contact().contactId(), k -> new ArrayList<>()).add(ev);
  }

  /**
   * Xero contacts whose name, e-mail or contact number contains the term (ignoring case and
   * accents), active first.
   */
  public List<KnownContact> search(String term, int max) {
    String folded = String.join(" ", ContactNames.tokens(term));
    String raw = term == null ? "" : term.trim().toLowerCase(Locale.ROOT);
    if (folded.isEmpty() && raw.isEmpty()) {
      return List.of();
    }
    return xero.stream()
        .filter(
            e ->
                (!folded.isEmpty()
                        && String.join(" ", ContactNames.tokens(e.contact().name()))
                            .contains(folded))
                    || (!raw.isEmpty()
                        && (ContactNames.email(e.contact().email()).contains(raw)
                            || key(e.contact().contactNumber()).equalsIgnoreCase(raw))))
        .map(Entry::contact)
        .sorted(
            Comparator.comparing(KnownContact::active)
                .reversed()
                .thenComparing(c -> c.name() == null ? "" : c.name()))
        .limit(max)
        .toList();
  }
}
