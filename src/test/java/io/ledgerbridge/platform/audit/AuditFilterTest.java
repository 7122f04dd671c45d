package io.ledgerbridge.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.platform.BusinessException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Reading the audit filter from URL parameters: blanks, action prefixes, dates, day bounds. */
class AuditFilterTest {

  @Test
  void blanksMeanAnyAndTextIsTrimmed() {
    AuditFilter f = AuditFilter.parse("  ", "", null, " ", null);
    assertEquals(AuditFilter.ANY, f);
    AuditFilter g = AuditFilter.parse(" admin ", " settings.changed ", " SALE/INV-1 ", null, null);
    assertEquals("admin", g.actor());
    assertEquals("settings.changed", g.action());
    assertFalse(g.actionPrefix());
    assertEquals("SALE/INV-1", g.subject());
  }

  @Test
  void anActionEndingInADotOrStarIsAPrefix() {
    AuditFilter dot = AuditFilter.parse(null, "import.", null, null, null);
    assertEquals("import.", dot.action());
    assertTrue(dot.actionPrefix());
    assertEquals("import.%", dot.actionPattern());

    AuditFilter star = AuditFilter.parse(null, "import.*", null, null, null);
    assertEquals("import.", star.action());
    assertTrue(star.actionPrefix());

    AuditFilter user = AuditFilter.parse(null, "USER_*", null, null, null);
    assertEquals("USER_", user.action());
    // The underscore is a LIKE wildcard; here it must match itself.
    assertEquals("USER\\_%", user.actionPattern());

    assertEquals(AuditFilter.ANY, AuditFilter.parse(null, " * ", null, null, null));
  }

  @Test
  void theSubjectIsALowerCaseContainsPatternWithWildcardsEscaped() {
    assertEquals(
        "%sale/inv-1%", AuditFilter.parse(null, null, "SALE/INV-1", null, null).subjectPattern());
    assertEquals(
        "%50\\% off\\_x\\\\y%",
        AuditFilter.parse(null, null, "50% off_x\\y", null, null).subjectPattern());
  }

  @Test
  void datesAreIsoDaysAndBothEndsAreInclusive() {
    AuditFilter f = AuditFilter.parse(null, null, null, "2026-03-01", " 2026-03-31 ");
    assertEquals(LocalDate.of(2026, 3, 1), f.from());
    assertEquals(LocalDate.of(2026, 3, 31), f.to());
    ZoneId auckland = ZoneId.of("Pacific/Auckland");
    assertEquals(Instant.parse("2026-02-28T11:00:00Z"), f.start(auckland));
    // The end is exclusive: the first instant of 1 April, Auckland time (NZDT ends 5 April).
    assertEquals(Instant.parse("2026-03-31T11:00:00Z"), f.end(auckland));
    AuditFilter oneDay = AuditFilter.parse(null, null, null, "2026-03-05", "2026-03-05");
    assertEquals(
        java.time.Duration.ofDays(1),
        java.time.Duration.between(oneDay.start(ZoneId.of("UTC")), oneDay.end(ZoneId.of("UTC"))));
    assertNull(AuditFilter.ANY.start(auckland));
    assertNull(AuditFilter.ANY.end(auckland));
  }

  @Test
  void badDatesAndABackwardsRangeAreRefusedByName() {
    BusinessException bad =
        assertThrows(
            BusinessException.class, () -> AuditFilter.parse(null, null, null, "01/03/2026", null));
    assertEquals(400, bad.status());
    assertTrue(bad.getMessage().startsWith("from must be a date"), bad.getMessage());
    assertTrue(
        assertThrows(
                BusinessException.class,
                () -> AuditFilter.parse(null, null, null, null, "2026-02-30"))
            .getMessage()
            .startsWith("to must be a date"));
    BusinessException backwards =
        assertThrows(
            BusinessException.class,
            () -> AuditFilter.parse(null, null, null, "2026-03-02", "2026-03-01"));
    assertEquals("from (2026-03-02) is after to (2026-03-01).", backwards.getMessage());
  }

  @Test
  void pageAndSizeAreWholeNumbersInRange() {
    assertEquals(1, AuditResource.number("page", null, 1, 1, Integer.MAX_VALUE));
    assertEquals(7, AuditResource.number("page", " 7 ", 1, 1, Integer.MAX_VALUE));
    assertEquals(500, AuditResource.number("size", "500", 50, 1, 500));
    assertEquals(
        "page must be at least 1.",
        assertThrows(
                BusinessException.class,
                () -> AuditResource.number("page", "0", 1, 1, Integer.MAX_VALUE))
            .getMessage());
    assertEquals(
        "size must be between 1 and 500.",
        assertThrows(BusinessException.class, () -> AuditResource.number("size", "501", 50, 1, 500))
            .getMessage());
    assertEquals(
        "page must be a whole number.",
        assertThrows(
                BusinessException.class,
                () -> AuditResource.number("page", "two", 1, 1, Integer.MAX_VALUE))
            .getMessage());
  }
}
