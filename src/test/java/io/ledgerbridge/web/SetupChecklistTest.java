package io.ledgerbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerbridge.web.SetupChecklist.Facts;
import io.ledgerbridge.web.SetupChecklist.Step;
import io.ledgerbridge.web.SetupChecklist.StepId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Home's "Getting started" checklist: what a person sees done, and which step comes next. */
class SetupChecklistTest {

  private static final Facts FRESH = new Facts(false, false, false, 0, 4, 0);
  private static final Facts COMPLETE = new Facts(true, true, true, 0, 0, 12);

  @Test
  void aFreshInstallationHasNothingDoneAndConnectingNext() {
    SetupChecklist list = SetupChecklist.of(FRESH);
    assertEquals(List.of(StepId.values()), list.steps().stream().map(Step::id).toList());
    assertTrue(list.steps().stream().noneMatch(Step::done));
    assertEquals(StepId.CONNECT, list.next().orElseThrow().id());
    assertFalse(list.allDone());
  }

  @Test
  void aStepAfterAnUndoneStepIsNeverNextEvenWhenEarlierOnesAreDone() {
    // Connected and settings saved, but the reference data is missing: that is next, not contacts.
    SetupChecklist list = SetupChecklist.of(new Facts(true, false, true, 0, 3, 0));
    assertEquals(StepId.REFERENCE_DATA, list.next().orElseThrow().id());
    assertEquals(1, list.steps().stream().filter(Step::next).count());
    assertFalse(list.step(StepId.CONTACTS).next());
    assertFalse(list.step(StepId.FIRST_IMPORT).next());
  }

  @Test
  void aLaterStepDoneDoesNotMakeItNextOrSkipAnEarlierUndoneOne() {
    // Imported once, then disconnected: the import stays done, connecting again is next.
    SetupChecklist list = SetupChecklist.of(new Facts(false, false, true, 0, 0, 5));
    assertTrue(list.step(StepId.FIRST_IMPORT).done());
    assertEquals(StepId.CONNECT, list.next().orElseThrow().id());
  }

  @Test
  void contactsAreDoneWhenNothingWaitsForALink() {
    SetupChecklist list = SetupChecklist.of(new Facts(true, true, true, 0, 0, 0));
    assertTrue(list.step(StepId.CONTACTS).done());
    assertEquals("No contact waits for a link.", list.step(StepId.CONTACTS).detail());
    assertEquals(StepId.FIRST_IMPORT, list.next().orElseThrow().id());
  }

  @Test
  void contactsWaitingForALinkAreCounted() {
    SetupChecklist list = SetupChecklist.of(new Facts(true, true, true, 0, 3, 0));
    assertFalse(list.step(StepId.CONTACTS).done());
    assertEquals("3 contacts wait for a link.", list.step(StepId.CONTACTS).detail());
    assertEquals(
        "1 contact waits for a link.",
        SetupChecklist.of(new Facts(true, true, true, 0, 1, 0)).step(StepId.CONTACTS).detail());
  }

  @Test
  void withoutAConnectionNoContactIsMatchedEvenWhenNothingWaits() {
    SetupChecklist list = SetupChecklist.of(new Facts(false, false, false, 0, 0, 0));
    assertFalse(list.step(StepId.CONTACTS).done());
  }

  @Test
  void settingsAreDoneOnlyWhenSavedCompleteAndCheckedAgainstReferenceData() {
    assertFalse(
        SetupChecklist.of(new Facts(true, true, false, 0, 0, 0)).step(StepId.SETTINGS).done(),
        "never saved");
    Step incomplete = SetupChecklist.of(new Facts(true, true, true, 2, 0, 0)).step(StepId.SETTINGS);
    assertFalse(incomplete.done(), "saved with two gaps");
    assertEquals("2 things to fix or fill in.", incomplete.detail());
    assertFalse(
        SetupChecklist.of(new Facts(true, false, true, 0, 0, 0)).step(StepId.SETTINGS).done(),
        "saved, but no reference data to check them against");
    assertTrue(
        SetupChecklist.of(new Facts(true, true, true, 0, 0, 0)).step(StepId.SETTINGS).done());
  }

  @Test
  void referenceDataOfAnOrganisationNoLongerConnectedDoesNotCount() {
    assertFalse(
        SetupChecklist.of(new Facts(false, true, false, 0, 0, 0))
            .step(StepId.REFERENCE_DATA)
            .done());
  }

  @Test
  void everythingDoneCollapsesWithNoNextStep() {
    SetupChecklist list = SetupChecklist.of(COMPLETE);
    assertTrue(list.allDone());
    assertTrue(list.next().isEmpty());
    assertEquals("12 transactions imported.", list.step(StepId.FIRST_IMPORT).detail());
  }

  @Test
  void aContactArrivingUnlinkedAfterSetupReopensTheChecklistAtContacts() {
    SetupChecklist list = SetupChecklist.of(new Facts(true, true, true, 0, 1, 12));
    assertFalse(list.allDone());
    assertEquals(StepId.CONTACTS, list.next().orElseThrow().id());
  }

  @Test
  void onlyTheConnectionAndSettingsPagesAreForAdmins() {
    assertEquals(
        List.of(StepId.CONNECT, StepId.SETTINGS),
        List.of(StepId.values()).stream().filter(StepId::adminOnly).toList());
    assertEquals("/admin/xero", StepId.CONNECT.outcome());
    assertEquals("/admin/settings", StepId.SETTINGS.outcome());
    assertEquals("/contacts/matching", StepId.CONTACTS.outcome());
    assertEquals("reference-data", StepId.REFERENCE_DATA.key());
  }
}
