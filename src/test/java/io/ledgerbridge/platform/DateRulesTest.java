package io.ledgerbridge.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dates every filter and intake accept. */
class DateRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {"+999999999-12-31", "-999999999-01-01", "1899-12-31", "2200-01-01"})
  void datesOutsideXerosRangeAreRefusedNamingTheParameter(String text) {
    BusinessException refused =
        assertThrows(BusinessException.class, () -> DateRules.parse("from", text));

    assertEquals(400, refused.status());
    assertTrue(
        refused.getMessage().startsWith("from must be between 1900-01-01 and 2199-12-31"),
        refused.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-13-01", "yesterday", "2026-02-30", "2026-1-1", "2026-01-01\u0000"})
  void textThatIsNoDateIsRefused(String text) {
    BusinessException refused =
        assertThrows(BusinessException.class, () -> DateRules.parse("to", text));

    assertTrue(refused.getMessage().startsWith("to must be a date in the form YYYY-MM-DD"));
    assertTrue(refused.getMessage().chars().noneMatch(Character::isISOControl));
  }

  @Test
  void theEdgesAndBlanks() {
    assertEquals(LocalDate.of(1900, 1, 1), DateRules.parse("from", "1900-01-01"));
    assertEquals(LocalDate.of(2199, 12, 31), DateRules.parse("to", " 2199-12-31 "));
    assertNull(DateRules.parse("from", "  "));
    assertNull(DateRules.parse("from", null));
  }
}
