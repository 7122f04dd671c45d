package io.ledgerbridge.web;

import java.util.List;
import java.util.Optional;

/**
 * Home's "Getting started" checklist: which of the steps before a first import are done, decided
 * from plain facts so the rules are testable without a container. The steps are in the order a
 * person takes them; the next one to do is the first not done, never a later one.
 */
public final class SetupChecklist {

  /** A step: its title, the page that does it, and whether only admins may open that page. */
  public enum StepId {
    CONNECT("Connect to Xero", "/admin/xero", "Xero connection", true),
    REFERENCE_DATA("Reference data downloaded", "/xero/organisation", "Xero organisation", false),
    SETTINGS("Accounting settings saved", "/admin/settings", "Accounting settings", true),
    CONTACTS("Contacts matched", "/contacts/matching", "Contact matching", false),
    FIRST_IMPORT("First import", "/transactions/list", "Transactions", false);

    private final String title;
    private final String outcome;
    private final String pageName;
    private final boolean adminOnly;

    StepId(String title, String outcome, String pageName, boolean adminOnly) {
      this.title = title;
      this.outcome = outcome;
      this.pageName = pageName;
      this.adminOnly = adminOnly;
    }

    public String title() {
      return title;
    }

    /** The Faces outcome of the page that does the step. */
    public String outcome() {
      return outcome;
    }

    public String pageName() {
      return pageName;
    }

    public boolean adminOnly() {
      return adminOnly;
    }

    /** For element ids: {@code connect}, {@code reference-data}, … */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * What the checklist is decided from.
   *
   * @param connected an organisation is chosen and its connection usable
   * @param referenceDataPresent the chosen organisation's accounts and tax rates are downloaded
   * @param settingsSaved someone has saved the accounting settings at least once
   * @param settingsIssues the settings' problems against the reference data plus what is still
   *     missing before a first import (default accounts, unmapped tax codes seen)
   * @param contactsWaitingWithoutLink source contacts with transactions waiting and no usable link
   * @param imported transactions that have been imported at least once
   */
  public record Facts(
      boolean connected,
      boolean referenceDataPresent,
      boolean settingsSaved,
      int settingsIssues,
      long contactsWaitingWithoutLink,
      long imported) {}

  /** A step with its verdict and a short sentence on where it stands. */
  public record Step(StepId id, boolean done, boolean next, String detail) {}

  private final List<Step> steps;

  private SetupChecklist(List<Step> steps) {
    this.steps = steps;
  }

  public static SetupChecklist of(Facts f) {
    boolean[] done = {
      f.connected(),
      f.connected() && f.referenceDataPresent(),
      // Validity is only known against the organisation's reference data.
      f.referenceDataPresent() && f.settingsSaved() && f.settingsIssues() == 0,
      // Links belong to an organisation: without one, no contact is matched.
      f.connected() && f.contactsWaitingWithoutLink() == 0,
      f.imported() > 0
    };
    String[] details = {
      f.connected() ? "Connected." : "Not connected.",
      !f.connected()
          ? "Downloaded once an organisation is connected."
          : f.referenceDataPresent()
              ? "Accounts and tax rates downloaded."
              : "Not downloaded yet: refresh from Xero.",
      !f.settingsSaved()
          ? "Not saved yet."
          : f.settingsIssues() > 0
              ? plural(f.settingsIssues(), "thing", "things") + " to fix or fill in."
              : f.referenceDataPresent()
                  ? "Saved."
                  : "Saved, not yet checked against the organisation's reference data.",
      !f.connected()
          ? "Matched once an organisation is connected."
          : f.contactsWaitingWithoutLink() == 0
              ? "No contact waits for a link."
              : plural(f.contactsWaitingWithoutLink(), "contact waits", "contacts wait")
                  + " for a link.",
      f.imported() > 0
          ? plural(f.imported(), "transaction", "transactions") + " imported."
          : "Nothing imported yet."
    };
    StepId[] ids = StepId.values();
    int next = -1;
    for (int i = 0; i < ids.length && next < 0; i++) {
      if (!done[i]) {
        next = i;
      }
    }
    Step[] steps = new Step[ids.length];
    for (int i = 0; i < ids.length; i++) {
      steps[i] = new Step(ids[i], done[i], i == next, details[i]);
    }
    return new SetupChecklist(List.of(steps));
  }

  private static String plural(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  public List<Step> steps() {
    return steps;
  }

  /** The first step not done, if any. */
  public Optional<Step> next() {
    return steps.stream().filter(Step::next).findFirst();
  }

  public boolean allDone() {
    return steps.stream().allMatch(Step::done);
  }

  public Step step(StepId id) {
    return steps.get(id.ordinal());
  }
}
