package io.ledgerbridge.contacts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContactMatcherTest {

  @Test
  void normalisesCaseAccentsPunctuationAndSuffixes() {
    assertEquals("harbour cafe", ContactNames.normalise("Harbour Café Ltd"));
    assertEquals("harbour cafe", ContactNames.normalise("HARBOUR CAFE LIMITED"));
    assertEquals(
        "shenzhen widget manufacturing",
        ContactNames.normalise("Shenzhen Widget Manufacturing Co., Ltd"));
    assertEquals("gadgetworks australia", ContactNames.normalise("Gadgetworks Australia Pty Ltd"));
    assertEquals("acme", ContactNames.normalise("Acme NZ Ltd"));
    assertEquals("muller engineering nz", ContactNames.normalise("Müller Engineering NZ"));
    assertEquals("ponsonby print", ContactNames.normalise("Ponsonby Print & Co"));
    assertEquals("obrien hardware", ContactNames.normalise("O'Brien  Hardware"));
    assertEquals("mount eden books", ContactNames.normalise("Mt. Eden Books"));
    assertEquals("tamaki tech repairs", ContactNames.normalise("Tāmaki Tech Repairs"));
    assertEquals("company", ContactNames.normalise("Company"));
    assertEquals("", ContactNames.normalise("  "));
  }

  @Test
  void ranksByTheRulesWithEvidence() {
    KnownContact byNumber =
        xero("Mt Eden Books", "CUS-006", null, "hello@mtedenbooks.co.nz", "ACTIVE");
    KnownContact similar = xero("Mount Edon Bookshop", null, null, null, "ACTIVE");
    ContactMatcher matcher = new ContactMatcher(List.of(similar, byNumber), List.of());
    Match match =
        matcher.match(new SourceContact("CUS-006", "Mount Eden Books", "hello@mtedenbooks.co.nz"));
    assertEquals(byNumber, match.candidates().get(0).contact());
    assertEquals(Rule.CONTACT_NUMBER, match.candidates().get(0).strongest());
    assertEquals(
        List.of(Rule.CONTACT_NUMBER, Rule.EMAIL, Rule.EXACT_NAME),
        match.candidates().get(0).evidence().stream().map(Evidence::rule).toList());
    assertEquals(Optional.of(match.candidates().get(0)), match.unambiguousExact());
    assertEquals(Rule.SIMILAR_NAME, match.candidates().get(1).strongest());
    assertFalse(match.candidates().get(1).exact());
  }

  @Test
  void twoExactCandidatesAreAmbiguous() {
    KnownContact a = xero("Harbour Cafe", "CUS-001", null, null, "ACTIVE");
    KnownContact b = xero("Harbour Café Ltd", null, null, null, "ACTIVE");
    Match match =
        new ContactMatcher(List.of(a, b), List.of())
            .match(new SourceContact("CUS-001", "Harbour Cafe Limited", null));
    assertTrue(match.ambiguous());
    assertTrue(match.unambiguousExact().isEmpty());
  }

  @Test
  void archivedContactsAreShownButNeverExact() {
    KnownContact archived =
        xero("Aroha Design Studio", null, null, "studio@arohadesign.nz", "ARCHIVED");
    Match match =
        new ContactMatcher(List.of(archived), List.of())
            .match(new SourceContact("CUS-007", "Aroha Design Studio", "studio@arohadesign.nz"));
    assertEquals(1, match.candidates().size());
    assertFalse(match.candidates().get(0).exact());
    assertFalse(match.candidates().get(0).linkable());
    assertTrue(match.unambiguousExact().isEmpty());
  }

  @Test
  void theContactALinkedOneWasMergedIntoIsACandidate() {
    KnownContact merged =
        new KnownContact(
            "old",
            "Kiwi Office Supplies Limited",
            null,
            null,
            "ap@kiwioffice.co.nz",
            "ARCHIVED",
            "new");
    KnownContact into =
        new KnownContact(
            "new",
            "Kiwi Stationery Group",
            null,
            null,
            "accounts@kiwistationery.nz",
            "ACTIVE",
            null);
    ContactMatcher matcher = new ContactMatcher(List.of(merged, into), List.of());
    SourceContact source =
        new SourceContact("CUS-003", "Kiwi Office Supplies Ltd", "ap@kiwioffice.co.nz");
    Match match = matcher.match(source, "old");
    assertEquals(into, match.candidates().get(0).contact());
    assertEquals(Rule.MERGED_INTO, match.candidates().get(0).strongest());
    assertFalse(match.candidates().get(0).exact(), "a person confirms");
    assertTrue(
        matcher.match(source).candidates().stream().noneMatch(c -> c.contact().equals(into)));
  }

  @Test
  void searchFindsByNameEmailOrNumber() {
    ContactMatcher matcher = new ContactMatcher(world().values(), List.of());
    assertEquals("Harbour Café Ltd", matcher.search("harbour cafe", 5).get(0).name());
    assertEquals("Mt Eden Books", matcher.search("cus-006", 5).get(0).name());
    assertEquals("Bamboo Living", matcher.search("hello@bambooliving", 5).get(0).name());
  }

  // ---- The labelled set -------------------------------------------------------------------------

  private static final boolean SAME = true;
  private static final boolean DIFFERENT = false;

  record Pair(boolean same, SourceContact source, String xeroName) {}

  private static KnownContact xero(
      String name, String number, String account, String email, String status) {
    return new KnownContact("id:" + name, name, number, account, email, status, null);
  }

  /** Xero contacts of the labelled set, by name (Xero names are unique among active contacts). */
  static Map<String, KnownContact> world() {
    Map<String, KnownContact> w = new LinkedHashMap<>();
    for (KnownContact c :
        List.of(
            xero("Harbour Café Ltd", null, null, "accounts@harbourcafe.co.nz", "ACTIVE"),
            xero("Kiwi Office Supplies Limited", null, null, "ap@kiwioffice.co.nz", "ACTIVE"),
            xero(
                "Southern Lights Trading Company",
                null,
                null,
                "finance@southernlights.nz",
                "ACTIVE"),
            xero("Mt Eden Books", "CUS-006", null, "hello@mtedenbooks.co.nz", "ACTIVE"),
            xero("Aroha Design Studio", null, null, "studio@arohadesign.nz", "ARCHIVED"),
            xero("Summit Outdoor Gear", null, null, "ap@summitoutdoor.co.nz", "ACTIVE"),
            xero("Tamaki Tech Repairs Ltd", null, "ACC-TTR", "admin@tamakitech.co.nz", "ACTIVE"),
            xero("Riverside Dental Limited", null, null, "reception@riversidedental.nz", "ACTIVE"),
            xero("Pacific Packaging Ltd", null, null, "accounts@pacpack.co.nz", "ACTIVE"),
            xero("NZ Freight Solutions Limited", null, null, "billing@nzfreight.co.nz", "ACTIVE"),
            xero(
                "Shenzhen Widget Manufacturing Co Ltd",
                null,
                "SUP-001",
                "sales@szwidget.cn",
                "ACTIVE"),
            xero("Bamboo Living", null, null, "hello@bambooliving.nz", "ACTIVE"),
            xero("Gadgetworks Australia", null, null, "ar@gadgetworks.com.au", "ACTIVE"),
            xero("Inland Revenue", null, null, null, "ACTIVE"),
            xero("City Power & Light", null, null, "billing@citypower.nz", "ACTIVE"),
            xero("Smith Plumbing Ltd", null, null, "info@smithplumbing.co.nz", "ACTIVE"),
            xero("Müller Engineering GmbH", null, null, "rechnung@mueller.de", "ACTIVE"),
            xero("O'Brien Hardware", null, null, "obrien.hardware@example.nz", "ACTIVE"),
            xero("Nguyen and Partners", null, null, "accounts@nguyenpartners.nz", "ACTIVE"),
            xero("Van der Berg Consulting Ltd", null, null, "jan@vdberg.nz", "ACTIVE"),
            xero(
                "Green Valley Veterinary Clinic",
                null,
                null,
                "office@greenvalleyvets.nz",
                "ACTIVE"),
            xero("Coastal Surf School", null, null, "bookings@coastalsurf.nz", "ARCHIVED"),
            xero("Te Awa Community Centre Inc", null, null, "treasurer@teawa.org.nz", "ACTIVE"),
            xero("Brightside Schools", null, null, "payables@brightside.school.nz", "ACTIVE"),
            xero("Ōtautahi Events Limited", null, null, "events@otautahi.nz", "ACTIVE"),
            xero("Pacific Rim Imports", null, null, "ap@pacificrim.com.au", "ACTIVE"),
            xero("Sydney Gadget Company", null, null, null, "ACTIVE"),
            xero("Ponsonby Print and Co", null, null, "print@ponsonbyprint.co.nz", "ACTIVE"),
            xero("Cable Direct", null, null, "ar@cabledirect.nz", "ACTIVE"),
            xero("Energiser Distributors NZ Ltd", null, null, "credit@energydist.nz", "ACTIVE"),
            xero("Lumen Lighting Wholesale Ltd", null, null, null, "ACTIVE"),
            xero("Auckland Mug Printers", null, null, "orders@akmugs.co.nz", "ACTIVE"),
            xero("Oamaru Stone and Timber", null, null, null, "ACTIVE"),
            xero("Harbour Bridge Cafe", null, null, "info@hbcafe.nz", "ACTIVE"),
            xero("Kiwi Office Furniture", null, null, "sales@kiwifurniture.nz", "ACTIVE"),
            xero("Summit Adventure Tours", null, null, "bookings@summittours.nz", "ACTIVE"),
            xero("Riverside Medical Centre", null, null, "admin@riversidemedical.nz", "ACTIVE"),
            xero(
                "Pacific Packaging Australia Pty Ltd",
                null,
                null,
                "accounts@pacpack.com.au",
                "ACTIVE"),
            xero("Jane Smith", null, null, "jane@gmail.com", "ACTIVE"),
            xero("John Brown", null, null, null, "ACTIVE"),
            xero("Alpine Ski Hire", null, null, "hire@alpineski.nz", "ARCHIVED"),
            xero("Alpine Ski Hire Queenstown", null, null, "qt@alpineski.nz", "ACTIVE"),
            xero("Beta Electrical Ltd", "CUS-100", null, null, "ACTIVE"),
            xero("Gamma Foods", "CUS-101", null, null, "ACTIVE"),
            xero("Wholesale Direct", null, "CUS-102", null, "ACTIVE"),
            xero("Hilltop Motors", null, null, "accounts@hilltopgroup.nz", "ACTIVE"),
            xero("Hilltop Panelbeaters", null, null, "accounts@hilltopgroup.nz", "ACTIVE"),
            xero("Fresh Fields Grocers", null, null, null, "ACTIVE"),
            xero("Waikato Dairy Co-operative", null, null, null, "ACTIVE"),
            xero("ABC Ltd", null, null, null, "ACTIVE"),
            xero("North Shore Plumbing", null, null, "office@nsplumbing.nz", "ACTIVE"),
            xero("Cash Sales", null, null, null, "ACTIVE"))) {
      w.put(c.name(), c);
    }
    return w;
  }

  private static Pair p(boolean same, String code, String name, String email, String xeroName) {
    return new Pair(same, new SourceContact(code, name, email), xeroName);
  }

  /** Source contact ↔ Xero contact, labelled by hand: the same business or not. */
  static List<Pair> labelled() {
    return List.of(
        // The demo dataset against the sandbox's contacts.
        p(SAME, "CUS-001", "Harbour Café Ltd", "accounts@harbourcafe.co.nz", "Harbour Café Ltd"),
        p(
            SAME,
            "CUS-002",
            "Harbour Cafe Limited",
            "accounts@harbourcafe.co.nz",
            "Harbour Café Ltd"),
        p(
            DIFFERENT,
            "CUS-001",
            "Harbour Café Ltd",
            "accounts@harbourcafe.co.nz",
            "Harbour Bridge Cafe"),
        p(
            SAME,
            "CUS-003",
            "Kiwi Office Supplies Ltd",
            "ap@kiwioffice.co.nz",
            "Kiwi Office Supplies Limited"),
        p(
            SAME,
            "CUS-004",
            "Kiwi Office Supply",
            "orders@kiwioffice.co.nz",
            "Kiwi Office Supplies Limited"),
        p(
            DIFFERENT,
            "CUS-003",
            "Kiwi Office Supplies Ltd",
            "ap@kiwioffice.co.nz",
            "Kiwi Office Furniture"),
        p(
            SAME,
            "SUP-012",
            "Kiwi Office Supplies Ltd",
            "ap@kiwioffice.co.nz",
            "Kiwi Office Supplies Limited"),
        p(
            SAME,
            "CUS-005",
            "Southern Lights Trading",
            "finance@southernlights.nz",
            "Southern Lights Trading Company"),
        p(SAME, "CUS-006", "Mount Eden Books", "hello@mtedenbooks.co.nz", "Mt Eden Books"),
        p(SAME, "CUS-007", "Aroha Design Studio", "studio@arohadesign.nz", "Aroha Design Studio"),
        p(
            SAME,
            "CUS-008",
            "Tāmaki Tech Repairs",
            "admin@tamakitech.co.nz",
            "Tamaki Tech Repairs Ltd"),
        p(
            SAME,
            "CUS-009",
            "Tamaki Tech Repairs Ltd",
            "admin@tamakitech.co.nz",
            "Tamaki Tech Repairs Ltd"),
        p(
            SAME,
            "CUS-010",
            "Brightside Schools Trust",
            "payables@brightside.school.nz",
            "Brightside Schools"),
        p(SAME, "CUS-011", "Ōtautahi Events", "events@otautahi.nz", "Ōtautahi Events Limited"),
        p(
            SAME,
            "CUS-012",
            "Pacific Rim Imports Pty Ltd",
            "ap@pacificrim.com.au",
            "Pacific Rim Imports"),
        p(
            SAME,
            "CUS-013",
            "Sydney Gadget Co.",
            "accounts@sydneygadget.com.au",
            "Sydney Gadget Company"),
        p(
            SAME,
            "CUS-014",
            "Ponsonby Print & Co",
            "print@ponsonbyprint.co.nz",
            "Ponsonby Print and Co"),
        p(
            SAME,
            "CUS-015",
            "Ponsonby Print and Co",
            "print@ponsonbyprint.co.nz",
            "Ponsonby Print and Co"),
        p(
            SAME,
            "CUS-016",
            "Green Valley Vets",
            "office@greenvalleyvets.nz",
            "Green Valley Veterinary Clinic"),
        p(
            SAME,
            "CUS-017",
            "Riverside Dental",
            "reception@riversidedental.nz",
            "Riverside Dental Limited"),
        p(
            DIFFERENT,
            "CUS-017",
            "Riverside Dental",
            "reception@riversidedental.nz",
            "Riverside Medical Centre"),
        p(SAME, "CUS-018", "Coastal Surf School", "bookings@coastalsurf.nz", "Coastal Surf School"),
        p(
            SAME,
            "CUS-019",
            "Nguyen & Partners",
            "accounts@nguyenpartners.nz",
            "Nguyen and Partners"),
        p(
            SAME,
            "CUS-020",
            "Van der Berg Consulting",
            "jan@vdberg.nz",
            "Van der Berg Consulting Ltd"),
        p(
            DIFFERENT,
            "CUS-021",
            "Müller Engineering NZ",
            "rechnung@mueller.nz",
            "Müller Engineering GmbH"),
        p(SAME, "CUS-022", "O'Brien Hardware", "obrien.hardware@example.nz", "O'Brien Hardware"),
        p(DIFFERENT, "CUS-023", "Cash sales — Auckland", null, "Cash Sales"),
        p(DIFFERENT, "CUS-024", "Cash sales — Wellington", null, "Cash Sales"),
        p(
            SAME,
            "CUS-026",
            "Te Awa Community Centre",
            "treasurer@teawa.org.nz",
            "Te Awa Community Centre Inc"),
        p(
            SAME,
            "CUS-027",
            "Summit Outdoor Gear Ltd",
            "ap@summitoutdoor.co.nz",
            "Summit Outdoor Gear"),
        p(SAME, "CUS-028", "Summit Outdoors", "ap@summitoutdoor.co.nz", "Summit Outdoor Gear"),
        p(
            DIFFERENT,
            "CUS-028",
            "Summit Outdoors",
            "ap@summitoutdoor.co.nz",
            "Summit Adventure Tours"),
        p(
            SAME,
            "SUP-001",
            "Shenzhen Widget Manufacturing Co., Ltd",
            "sales@szwidget.cn",
            "Shenzhen Widget Manufacturing Co Ltd"),
        p(
            SAME,
            "SUP-002",
            "Gadgetworks Australia Pty Ltd",
            "ar@gadgetworks.com.au",
            "Gadgetworks Australia"),
        p(
            SAME,
            "SUP-003",
            "NZ Freight Solutions Ltd",
            "billing@nzfreight.co.nz",
            "NZ Freight Solutions Limited"),
        p(
            SAME,
            "SUP-004",
            "NZ Freight Solutions",
            "billing@nzfreight.co.nz",
            "NZ Freight Solutions Limited"),
        p(
            SAME,
            "SUP-005",
            "Pacific Packaging Ltd",
            "accounts@pacpack.co.nz",
            "Pacific Packaging Ltd"),
        p(
            DIFFERENT,
            "SUP-005",
            "Pacific Packaging Ltd",
            "accounts@pacpack.co.nz",
            "Pacific Packaging Australia Pty Ltd"),
        p(SAME, "SUP-006", "Bamboo Living Ltd", "hello@bambooliving.nz", "Bamboo Living"),
        p(SAME, "SUP-007", "Cable Direct NZ", "ar@cabledirect.nz", "Cable Direct"),
        p(
            SAME,
            "SUP-008",
            "Energizer Distributors NZ",
            "credit@energydist.nz",
            "Energiser Distributors NZ Ltd"),
        p(SAME, "SUP-009", "Lumen Lightng Wholesale", null, "Lumen Lighting Wholesale Ltd"),
        p(SAME, "SUP-010", "Auckland Mug Printer", "orders@akmugs.co.nz", "Auckland Mug Printers"),
        p(
            SAME,
            "SUP-011",
            "Ōamaru Stone & Timber",
            "accounts@oamarustone.nz",
            "Oamaru Stone and Timber"),
        // Same name, another business.
        p(DIFFERENT, "CUS-030", "Smith Plumbing", "jo@smithplumbing.com.au", "Smith Plumbing Ltd"),
        p(DIFFERENT, "CUS-031", "Jane Smith", "jane.smith@outlook.com", "Jane Smith"),
        p(SAME, "CUS-032", "John Brown", "john@brownbuilders.nz", "John Brown"),
        // Archived, and merged into another contact.
        p(SAME, "CUS-033", "Alpine Ski Hire", "hire@alpineski.nz", "Alpine Ski Hire"),
        p(SAME, "CUS-033", "Alpine Ski Hire", "hire@alpineski.nz", "Alpine Ski Hire Queenstown"),
        // Codes written on create (ContactNumber) or kept as account numbers.
        p(SAME, "CUS-100", "Beta Electric", null, "Beta Electrical Ltd"),
        p(SAME, "CUS-101", "Delta Foods (was Gamma)", null, "Gamma Foods"),
        p(SAME, "CUS-102", "Wholesale Direct Ltd", null, "Wholesale Direct"),
        // A group inbox used by two Xero contacts.
        p(SAME, "CUS-103", "Hilltop Motors Ltd", "accounts@hilltopgroup.nz", "Hilltop Motors"),
        p(
            DIFFERENT,
            "CUS-103",
            "Hilltop Motors Ltd",
            "accounts@hilltopgroup.nz",
            "Hilltop Panelbeaters"),
        p(
            SAME,
            "CUS-104",
            "Hilltop Panel Beaters",
            "accounts@hilltopgroup.nz",
            "Hilltop Panelbeaters"),
        // Typos and spelling variants.
        p(SAME, "CUS-105", "Fresh Field Grocers", null, "Fresh Fields Grocers"),
        p(SAME, "CUS-106", "Waikato Dairy Cooperative", null, "Waikato Dairy Co-operative"),
        p(DIFFERENT, "CUS-107", "ABD Ltd", null, "ABC Ltd"),
        p(
            DIFFERENT,
            "CUS-108",
            "South Shore Plumbing",
            "accounts@ssplumbing.nz",
            "North Shore Plumbing"),
        p(DIFFERENT, "CUS-109", "Inland Revenue Consultants", "info@irc.nz", "Inland Revenue"),
        p(
            DIFFERENT,
            "CUS-110",
            "City Light Photography",
            "studio@citylight.nz",
            "City Power & Light"),
        p(DIFFERENT, "CUS-111", "Bamboo Living Spaces", "hello@bamboospaces.nz", "Bamboo Living"),
        p(
            DIFFERENT,
            "CUS-112",
            "Harbour Café Ltd (Wellington)",
            "wgtn@harbourcafe.nz",
            "Harbour Café Ltd"));
  }

  record Figures(
      int exactTp, int exactFp, int exactFn, int suggestTp, int suggestFp, int suggestFn) {
    double exactPrecision() {
      return ratio(exactTp, exactTp + exactFp);
    }

    double exactRecall() {
      return ratio(exactTp, exactTp + exactFn);
    }

    double suggestPrecision() {
      return ratio(suggestTp, suggestTp + suggestFp);
    }

    double suggestRecall() {
      return ratio(suggestTp, suggestTp + suggestFn);
    }

    static double ratio(int a, int b) {
      return b == 0 ? 1 : (double) a / b;
    }
  }

  static Figures evaluate(List<Pair> pairs) {
    Map<String, KnownContact> world = world();
    List<SourceContact> sources = new ArrayList<>();
    Map<String, SourceContact> byCode = new LinkedHashMap<>();
    for (Pair pair : pairs) {
      if (byCode.putIfAbsent(pair.source().code(), pair.source()) == null) {
        sources.add(pair.source());
      }
    }
    ContactMatcher matcher = new ContactMatcher(world.values(), sources);
    int exactTp = 0, exactFp = 0, exactFn = 0, suggestTp = 0, suggestFp = 0, suggestFn = 0;
    for (Pair pair : pairs) {
      KnownContact x = world.get(pair.xeroName());
      if (x == null) {
        throw new IllegalStateException("not in the world: " + pair.xeroName());
      }
      Match match = matcher.match(pair.source());
      boolean exact = match.unambiguousExact().map(c -> c.contact().equals(x)).orElse(false);
      // Suggestions: every other candidate shown to the person (similar names, shared e-mails,
      // archived contacts, ambiguous exact ones).
      boolean suggested =
          !exact && match.candidates().stream().anyMatch(c -> c.contact().equals(x));
      boolean linkableSame = pair.same() && x.active();
      if (exact) {
        if (linkableSame) {
          exactTp++;
        } else {
          exactFp++;
          System.out.println("exact false positive: " + pair);
        }
      } else if (linkableSame) {
        exactFn++;
      }
      if (!exact) {
        if (suggested && pair.same()) {
          suggestTp++;
        } else if (suggested) {
          suggestFp++;
        } else if (pair.same()) {
          suggestFn++;
          System.out.println("not suggested: " + pair);
        }
      }
    }
    // An exact match to a contact no labelled pair says is the same business is a false positive.
    for (SourceContact s : sources) {
      Optional<Candidate> exact = matcher.match(s).unambiguousExact();
      if (exact.isPresent()
          && pairs.stream()
              .noneMatch(
                  p ->
                      p.source().code().equals(s.code())
                          && p.xeroName().equals(exact.get().contact().name()))) {
        exactFp++;
        System.out.println("exact match to an unlabelled contact: " + s + " → " + exact.get());
      }
    }
    return new Figures(exactTp, exactFp, exactFn, suggestTp, suggestFp, suggestFn);
  }

  @Test
  void labelledSetFigures() {
    List<Pair> pairs = labelled();
    assertTrue(pairs.size() >= 60, "at least 60 labelled pairs, have " + pairs.size());
    Figures f = evaluate(pairs);
    System.out.printf(
        "Contact matching on %d labelled pairs (%d same, %d different):%n"
            + "  exact matches: precision %.1f %% (%d/%d), recall %.1f %% (%d/%d)%n"
            + "  suggestions:   precision %.1f %% (%d/%d), recall %.1f %% (%d/%d) of the same-business pairs not matched exactly%n",
        pairs.size(),
        pairs.stream().filter(Pair::same).count(),
        pairs.stream().filter(p -> !p.same()).count(),
        100 * f.exactPrecision(),
        f.exactTp(),
        f.exactTp() + f.exactFp(),
        100 * f.exactRecall(),
        f.exactTp(),
        f.exactTp() + f.exactFn(),
        100 * f.suggestPrecision(),
        f.suggestTp(),
        f.suggestTp() + f.suggestFp(),
        100 * f.suggestRecall(),
        f.suggestTp(),
        f.suggestTp() + f.suggestFn());
    assertEquals(0, f.exactFp(), "exact matches must have no false positives");
    assertEquals(1.0, f.exactPrecision());
    assertTrue(f.exactRecall() >= 0.8, "exact recall " + f.exactRecall());
    assertTrue(f.suggestRecall() >= 0.8, "suggestion recall " + f.suggestRecall());
  }
}
