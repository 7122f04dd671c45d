package io.ledgerbridge.web.admin;

import io.ledgerbridge.sandbox.boundary.SandboxConsole;
import io.ledgerbridge.sandbox.boundary.SandboxStore;
import io.ledgerbridge.sandbox.control.OrgFaults;
import io.ledgerbridge.sandbox.control.SandboxSettings;
import io.ledgerbridge.sandbox.control.XeroJson;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The sandbox console page (admin, only while the sandbox is on): play the accountant working in
 * Xero — browse an organisation's documents, act on them, archive and merge contacts, set lock
 * dates, fault injection and limits, reset. Uses the same {@link SandboxConsole} as the REST API.
 */
@Named
@ViewScoped
public class SandboxPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One document as listed on the page. */
  public record Row(
      String id,
      String key,
      String status,
      String type,
      String contact,
      String date,
      String total) {
    public boolean has(String... statuses) {
      for (String s : statuses) {
        if (s.equals(status)) {
          return true;
        }
      }
      return false;
    }
  }

  /** An organisation to choose. */
  public record Org(String id, String name) {}

  @Inject private transient SandboxConsole console;

  private String orgId;
  private String collection = "invoices";
  private transient List<Row> rows;
  private transient List<Org> organisations;
  private String periodLock;
  private String endOfYearLock;
  private int error500Percent;
  private int error503Percent;
  private int latencyMs;
  private int commitThenFailPercent;
  private String commitThenFailMode = "500";
  private Integer minuteLimit;
  private Integer dayLimit;
  private Integer concurrentLimit;
  private String mergeFrom;
  private String mergeInto;

  @PostConstruct
  void init() {
    if (!SandboxSettings.fromConfig().enabled()) {
      FacesContext faces = FacesContext.getCurrentInstance();
      try {
        faces.getExternalContext().responseSendError(404, "The sandbox is off.");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      faces.responseComplete();
      return;
    }
    List<SandboxStore.Doc> orgs = console.organisations();
    if (!orgs.isEmpty()) {
      orgId = orgs.get(0).id();
    }
    loadSettings();
  }

  public boolean isEnabled() {
    return SandboxSettings.fromConfig().enabled();
  }

  /** Reads the chosen organisation's lock dates and faults into the forms. */
  private void loadSettings() {
    if (orgId == null) {
      return;
    }
    JsonObject org = console.organisation(orgId).json();
    LocalDate period = SandboxConsole.lockDate(org, "PeriodLockDate");
    LocalDate endOfYear = SandboxConsole.lockDate(org, "EndOfYearLockDate");
    periodLock = period == null ? null : period.toString();
    endOfYearLock = endOfYear == null ? null : endOfYear.toString();
    OrgFaults faults = console.faults(orgId);
    error500Percent = faults.error500Percent();
    error503Percent = faults.error503Percent();
    latencyMs = faults.latencyMs();
    commitThenFailPercent = faults.commitThenFailPercent();
    commitThenFailMode = faults.commitThenFailMode();
    minuteLimit = faults.minuteLimit();
    dayLimit = faults.dayLimit();
    concurrentLimit = faults.concurrentLimit();
    rows = null;
  }

  public void choose() {
    loadSettings();
  }

  public List<Org> getOrganisations() {
    if (organisations == null) {
      organisations = console.organisations().stream().map(d -> new Org(d.id(), d.key())).toList();
    }
    return organisations;
  }

  public List<Row> getRows() {
    if (rows == null) {
      rows =
          orgId == null
              ? List.of()
              : console.documents(orgId, collection).stream().map(SandboxPage::row).toList();
    }
    return rows;
  }

  public List<Row> getContacts() {
    return orgId == null
        ? List.of()
        : console.documents(orgId, "contacts").stream().map(SandboxPage::row).toList();
  }

  private static Row row(SandboxStore.Doc doc) {
    JsonObject json = doc.json();
    String contact =
        json.get("Contact") instanceof JsonObject c
            ? c.getString("Name", "")
            : json.getString("Name", json.getString("Narration", ""));
    String date = "";
    try {
      LocalDate d = XeroJson.parseDate(XeroJson.string(json, "Date"));
      date = d == null ? "" : d.toString();
    } catch (RuntimeException e) {
      date = "";
    }
    String total = XeroJson.string(json, "Total");
    String status = doc.status() != null ? doc.status() : json.getString("Status", "");
    return new Row(
        doc.id(),
        doc.key() == null ? "" : doc.key(),
        status,
        json.getString("Type", ""),
        contact,
        date,
        total == null || json.get("Total").getValueType() == JsonValue.ValueType.NULL ? "" : total);
  }

  public void act(String id, String action) {
    run(() -> console.act(orgId, collection, id, action), "Done: " + action + ".");
  }

  public void archive(String id) {
    run(() -> console.archiveContact(orgId, id), "Contact archived.");
  }

  public void merge() {
    run(
        () -> console.mergeContact(orgId, mergeFrom, mergeInto),
        "Contact merged; its documents moved.");
  }

  public void saveLockDates() {
    run(
        () -> console.setLockDates(orgId, parse(periodLock), parse(endOfYearLock)),
        "Lock dates saved.");
  }

  public void saveFaults() {
    run(
        () ->
            console.setFaults(
                orgId,
                new OrgFaults(
                    error500Percent,
                    error503Percent,
                    latencyMs,
                    commitThenFailPercent,
                    commitThenFailMode,
                    minuteLimit,
                    dayLimit,
                    concurrentLimit)),
        "Faults and limits saved.");
  }

  public void reset() {
    run(() -> console.reset(), "The sandbox is back to its seed.");
  }

  private static LocalDate parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new SandboxConsole.ConsoleException(400, "Dates are YYYY-MM-DD, e.g. 2026-03-31.");
    }
  }

  private void run(Runnable action, String success) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      action.run();
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, success, null));
    } catch (RuntimeException e) {
      SandboxConsole.ConsoleException refused = SandboxConsole.cause(e).orElseThrow(() -> e);
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
      faces.validationFailed();
    }
    organisations = null;
    loadSettings();
  }

  public List<String> getCollections() {
    return List.of("invoices", "creditnotes", "manualjournals", "payments", "contacts");
  }

  public List<String> getModes() {
    return List.of("500", "503", "drop");
  }

  public boolean isDocuments() {
    return !"contacts".equals(collection) && !"payments".equals(collection);
  }

  public boolean isJournals() {
    return "manualjournals".equals(collection);
  }

  // ---- properties ----------------------------------------------------------------------------

  public String getOrgId() {
    return orgId;
  }

  public void setOrgId(String orgId) {
    this.orgId = orgId;
  }

  public String getCollection() {
    return collection;
  }

  public void setCollection(String collection) {
    this.collection = collection;
  }

  public String getPeriodLock() {
    return periodLock;
  }

  public void setPeriodLock(String periodLock) {
    this.periodLock = periodLock;
  }

  public String getEndOfYearLock() {
    return endOfYearLock;
  }

  public void setEndOfYearLock(String endOfYearLock) {
    this.endOfYearLock = endOfYearLock;
  }

  public int getError500Percent() {
    return error500Percent;
  }

  public void setError500Percent(int error500Percent) {
    this.error500Percent = error500Percent;
  }

  public int getError503Percent() {
    return error503Percent;
  }

  public void setError503Percent(int error503Percent) {
    this.error503Percent = error503Percent;
  }

  public int getLatencyMs() {
    return latencyMs;
  }

  public void setLatencyMs(int latencyMs) {
    this.latencyMs = latencyMs;
  }

  public int getCommitThenFailPercent() {
    return commitThenFailPercent;
  }

  public void setCommitThenFailPercent(int commitThenFailPercent) {
    this.commitThenFailPercent = commitThenFailPercent;
  }

  public String getCommitThenFailMode() {
    return commitThenFailMode;
  }

  public void setCommitThenFailMode(String commitThenFailMode) {
    this.commitThenFailMode = commitThenFailMode;
  }

  public Integer getMinuteLimit() {
    return minuteLimit;
  }

  public void setMinuteLimit(Integer minuteLimit) {
    this.minuteLimit = minuteLimit;
  }

  public Integer getDayLimit() {
    return dayLimit;
  }

  public void setDayLimit(Integer dayLimit) {
    this.dayLimit = dayLimit;
  }

  public Integer getConcurrentLimit() {
    return concurrentLimit;
  }

  public void setConcurrentLimit(Integer concurrentLimit) {
    this.concurrentLimit = concurrentLimit;
  }

  public String getMergeFrom() {
    return mergeFrom;
  }

  public void setMergeFrom(String mergeFrom) {
    this.mergeFrom = mergeFrom;
  }

  public String getMergeInto() {
    return mergeInto;
  }

  public void setMergeInto(String mergeInto) {
    this.mergeInto = mergeInto;
  }
}
