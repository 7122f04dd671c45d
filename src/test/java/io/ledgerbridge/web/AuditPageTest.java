package io.ledgerbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit page's action suggestions and page links. */
class AuditPageTest {

  @Test
  void suggestsEachFamilyAsAPrefixBeforeTheActions() {
    assertEquals(
        List.of(
            "contact.",
            "settings.",
            "USER_CREATED",
            "contact.linked",
            "contact.unlinked",
            "settings.changed"),
        AuditPage.actionChoices(
            List.of("contact.unlinked", "settings.changed", "USER_CREATED", "contact.linked")));
    assertEquals(List.of(), AuditPage.actionChoices(List.of()));
  }

  @Test
  void pageLinksShowTheEndsAndAWindowWithGaps() {
    assertEquals(List.of(1), Paging.pageLinks(1, 1));
    assertEquals(List.of(1, 2, 3, 0, 10), Paging.pageLinks(1, 10));
    assertEquals(List.of(1, 0, 3, 4, 5, 6, 7, 0, 10), Paging.pageLinks(5, 10));
  }
}
