package io.ledgerbridge.contacts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContactLinkTest {

  private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");

  @Test
  void staleOnceThenRelinkMakesItValidAgain() {
    ContactLink link = new ContactLink("tenant", "CUS-006", "id-1", "Mt Eden Books", "anna", T0);
    assertEquals(LinkState.LINKED, link.getState());
    assertTrue(link.markStale("The Xero contact is archived.", T0.plusSeconds(60)));
    assertFalse(link.markStale("again", T0.plusSeconds(120)), "already stale");
    assertEquals(LinkState.STALE, link.getState());
    assertEquals("The Xero contact is archived.", link.getStaleReason());

    link.relink("id-2", "Mount Eden Books Ltd", "ben", T0.plusSeconds(180));
    assertEquals(LinkState.LINKED, link.getState());
    assertNull(link.getStaleReason());
    assertEquals("id-2", link.getXeroContactId());
    assertEquals("ben", link.getLinkedBy());
  }

  @Test
  void cacheStateKeepsTheNewestModificationTime() {
    ContactCacheState state = new ContactCacheState("tenant");
    assertTrue(state.olderThan(Duration.ofMinutes(5), T0));
    state.refreshed(T0, T0.minusSeconds(30));
    state.refreshed(T0.plusSeconds(10), null);
    assertEquals(T0.minusSeconds(30), state.getModifiedSince());
    state.refreshed(T0.plusSeconds(20), T0.minusSeconds(100));
    assertEquals(T0.minusSeconds(30), state.getModifiedSince(), "never goes back");
    assertFalse(state.olderThan(Duration.ofMinutes(5), T0.plusSeconds(60)));
    assertTrue(state.olderThan(Duration.ofMinutes(5), T0.plusSeconds(400)));
  }
}
