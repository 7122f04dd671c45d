package io.ledgerbridge.xero.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrganisationChoiceTest {

  private static final XeroConnectionInfo DEMO =
      new XeroConnectionInfo("c-1", "t-demo", "Demo Company (NZ)", "ORGANISATION", "e-old");
  private static final XeroConnectionInfo SECOND =
      new XeroConnectionInfo("c-2", "t-second", "Second Ltd", "ORGANISATION", "e-new");
  private static final XeroConnectionInfo PRACTICE =
      new XeroConnectionInfo("c-3", "t-practice", null, "PRACTICEMANAGER", "e-new");

  @Test
  void offersOnlyOrganisationsThoseOfTheCurrentConsentFirst() {
    assertEquals(
        List.of(SECOND, DEMO),
        OrganisationChoice.offered(List.of(DEMO, PRACTICE, SECOND), "e-new"));
    assertEquals(List.of(DEMO, SECOND), OrganisationChoice.offered(List.of(DEMO, SECOND), null));
    XeroConnectionInfo noId = new XeroConnectionInfo("c-4", null, "x", "ORGANISATION");
    assertEquals(List.of(), OrganisationChoice.offered(List.of(PRACTICE, noId), null));
  }

  @Test
  void aReconnectKeepsThePreviousOrganisationWhileTheTokenMayUseIt() {
    assertEquals(
        Optional.of(DEMO),
        OrganisationChoice.automatic(List.of(SECOND, DEMO), "t-demo", "e-new"),
        "kept, even though another one came from this consent");
  }

  @Test
  void anotherSingleOrganisationIsNotSwitchedToSilently() {
    assertEquals(
        Optional.empty(), OrganisationChoice.automatic(List.of(SECOND), "t-demo", "e-new"));
  }

  @Test
  void theOnlyOrganisationIsChosenWhenNoneWasBefore() {
    assertEquals(Optional.of(SECOND), OrganisationChoice.automatic(List.of(SECOND), null, null));
    assertEquals(
        Optional.of(SECOND),
        OrganisationChoice.automatic(List.of(SECOND, DEMO), null, "e-new"),
        "the only one of this consent");
    assertEquals(Optional.empty(), OrganisationChoice.automatic(List.of(SECOND, DEMO), null, null));
  }

  @Test
  void namesAreNeverShownAsNull() {
    XeroConnectionInfo unnamed = new XeroConnectionInfo("c", "t-9", null, "ORGANISATION");
    assertEquals("Unnamed organisation (t-9)", unnamed.displayName());
    assertEquals("Demo Company (NZ)", DEMO.displayName());
    assertTrue(DEMO.isOrganisation());
    assertFalse(PRACTICE.isOrganisation());
  }
}
