package io.ledgerbridge.intake.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.intake.control.Importability;
import io.ledgerbridge.intake.control.Importability.Reason;
import io.ledgerbridge.intake.entity.ImportState;
import io.ledgerbridge.intake.entity.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The categories of what blocks an import, the readiness filter's verdict and names, and the
 * per-kind tally the home page shows.
 */
class ReadinessTest {

  private static Reason reason(String code) {
    return new Reason(code, "because");
  }

  @Test
  void eachReasonCodeOfTheRulesHasItsCategory() {
    assertEquals(Blocker.CONTACTS, Blocker.of("NO_CONTACT"));
    assertEquals(Blocker.CONTACTS, Blocker.of("CONTACT_NOT_LINKED"));
    assertEquals(Blocker.CONTACTS, Blocker.of("CONTACT_LINK_STALE"));
    assertEquals(Blocker.TAX_CODES, Blocker.of("TAX_CODE_UNMAPPED"));
    assertEquals(Blocker.ACCOUNTS, Blocker.of("ACCOUNT_MISSING"));
    assertEquals(Blocker.CONNECTION, Blocker.of("XERO_NOT_CONNECTED"));
    assertEquals(Blocker.IMPORT_WINDOW, Blocker.of("OUTSIDE_IMPORT_WINDOW"));
    assertEquals(Blocker.ACCOUNTING_METHOD, Blocker.of("NOT_PERPETUAL"));
    for (String code : List.of("VOIDED", "NO_LINES", "ZERO_TOTAL", "NO_NUMBER")) {
      assertEquals(Blocker.DETAILS, Blocker.of(code), code);
    }
  }

  @Test
  void aCodeNotKnownHereStillBlocks() {
    assertEquals(Blocker.OTHER, Blocker.of("JOURNALS_NOT_AVAILABLE"));
    assertEquals(Blocker.OTHER, Blocker.of("A_RULE_ADDED_LATER"));
    assertTrue(Readiness.BLOCKED.matches(List.of(reason("A_RULE_ADDED_LATER"))));
    assertFalse(Readiness.READY.matches(List.of(reason("A_RULE_ADDED_LATER"))));
  }

  /** The real rules, as the list and home page run them: their codes land in the categories. */
  @Test
  void theRulesVerdictsOnAWaitingSaleFallIntoCategories() {
    Importability.Facts sale =
        new Importability.Facts(
            7L,
            Kind.SALE,
            ImportState.NOT_IMPORTED,
            false,
            "C-1",
            "Customer",
            1,
            new BigDecimal("11.50"),
            "INV-1",
            LocalDate.of(2026, 10, 5));
    Importability.Context linked =
        new Importability.Context(
            true,
            code -> Importability.ContactLink.LINKED,
            id -> List.of(),
            date -> true,
            null,
            false);
    assertEquals(Set.of(), Blocker.of(Importability.reasons(sale, linked)));
    Importability.Context unmapped =
        new Importability.Context(
            true,
            code -> Importability.ContactLink.STALE,
            id -> List.of(reason("TAX_CODE_UNMAPPED"), reason("ACCOUNT_MISSING")),
            date -> true,
            null,
            false);
    assertEquals(
        Set.of(Blocker.CONTACTS, Blocker.TAX_CODES, Blocker.ACCOUNTS),
        Blocker.of(Importability.reasons(sale, unmapped)));
    assertEquals(
        Set.of(Blocker.CONNECTION, Blocker.CONTACTS),
        Blocker.of(Importability.reasons(sale, Importability.Context.NOT_CONNECTED)));
  }

  @Test
  void readyMeansNoReasonAndBlockedByMeansAReasonOfThatCategory() {
    List<Reason> none = List.of();
    List<Reason> contactAndTax = List.of(reason("CONTACT_NOT_LINKED"), reason("TAX_CODE_UNMAPPED"));
    assertTrue(Readiness.READY.matches(none));
    assertFalse(Readiness.BLOCKED.matches(none));
    assertFalse(Readiness.blockedBy(Blocker.CONTACTS).matches(none));
    assertFalse(Readiness.READY.matches(contactAndTax));
    assertTrue(Readiness.BLOCKED.matches(contactAndTax));
    assertTrue(Readiness.blockedBy(Blocker.CONTACTS).matches(contactAndTax));
    assertTrue(Readiness.blockedBy(Blocker.TAX_CODES).matches(contactAndTax));
    assertFalse(Readiness.blockedBy(Blocker.ACCOUNTS).matches(contactAndTax));
    assertThrows(IllegalArgumentException.class, () -> new Readiness(true, Blocker.CONTACTS));
  }

  @Test
  void everyOptionReadsBackFromItsUrlName() {
    assertEquals(2 + Blocker.values().length, Readiness.options().size());
    for (Readiness option : Readiness.options()) {
      assertEquals(Optional.of(option), Readiness.parse(option.urlName()), option.urlName());
    }
    assertEquals("blocked-by-tax-codes", Readiness.blockedBy(Blocker.TAX_CODES).urlName());
    assertEquals("Blocked by tax codes", Readiness.blockedBy(Blocker.TAX_CODES).label());
    assertEquals(Optional.of(Readiness.READY), Readiness.parse(" Ready "));
    assertEquals(Optional.empty(), Readiness.parse("blocked-by-weather"));
    assertEquals(Optional.empty(), Readiness.parse("soon"));
    assertEquals(Optional.empty(), Readiness.parse(null));
  }

  @Test
  void theTallyCountsReadyBlockedAndEachCategoryOncePerTransaction() {
    ReadinessTally tally = new ReadinessTally();
    tally.add(List.of());
    tally.add(List.of());
    tally.add(List.of(reason("CONTACT_NOT_LINKED")));
    // Two contact reasons of one transaction count it once under contacts.
    tally.add(
        List.of(reason("NO_CONTACT"), reason("CONTACT_LINK_STALE"), reason("ACCOUNT_MISSING")));
    tally.add(List.of(reason("TAX_CODE_UNMAPPED"), reason("TAX_CODE_UNMAPPED")));
    assertEquals(2, tally.ready());
    assertEquals(3, tally.blocked());
    assertEquals(5, tally.waiting());
    assertEquals(2, tally.blockedBy(Blocker.CONTACTS));
    assertEquals(1, tally.blockedBy(Blocker.TAX_CODES));
    assertEquals(0, tally.blockedBy(Blocker.IMPORT_WINDOW));
    assertEquals(
        List.of(
            new ReadinessTally.Count(Blocker.CONTACTS, 2),
            new ReadinessTally.Count(Blocker.TAX_CODES, 1),
            new ReadinessTally.Count(Blocker.ACCOUNTS, 1)),
        tally.blockers());
  }
}
