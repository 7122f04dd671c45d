package io.ledgerbridge.sandbox.boundary;

import io.ledgerbridge.platform.JsonFactory;
import io.ledgerbridge.sandbox.control.JournalRules;
import io.ledgerbridge.sandbox.control.Ledger;
import io.ledgerbridge.sandbox.control.Where;
import io.ledgerbridge.sandbox.control.XeroJson;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * ManualJournals ({@code PUT}/{@code POST}/{@code GET}, by id too) and Reports (TrialBalance,
 * BalanceSheet) of the sandbox's Accounting API, with Xero's journal rules ({@link JournalRules})
 * and summarizeErrors semantics as for Contacts.
 */
@Stateless
public class JournalsApi {

  public static final String COLLECTION = "ManualJournals";
  private static final String ID = "ManualJournalID";

  @Inject private SandboxStore store;

  public Reply handle(AccountingApi.Call call) {
    String resource = call.path().get(0).toLowerCase(Locale.ROOT);
    String id = call.path().size() > 1 ? call.path().get(1) : null;
    if (resource.equals("reports")) {
      return call.method().equals("GET") && id != null ? report(call, id) : Reply.notFound();
    }
    return switch (call.method()) {
      case "GET" -> id == null ? list(call) : one(call, id);
      case "PUT" -> id == null ? save(call, false) : Reply.notFound();
      case "POST" -> save(call, true);
      default -> Reply.text(501, "The method is not implemented");
    };
  }

  // ---- reading -------------------------------------------------------------------------------

  private Reply list(AccountingApi.Call call) {
    Predicate<JsonObject> where;
    Instant modifiedSince;
    try {
      where = Where.parse(call.param("where"));
      modifiedSince = AccountingApi.ifModifiedSince(call.ifModifiedSince());
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Reply.validation(16, "QueryParseException", e.getMessage());
    }
    List<JsonObject> found =
        store.list(call.orgId(), COLLECTION).stream()
            .filter(d -> modifiedSince == null || d.updatedAt().isAfter(modifiedSince))
            .map(SandboxStore.Doc::json)
            .filter(where)
            .toList();
    boolean paged = call.param("page") != null;
    // As at Xero, a list without paging leaves the journal lines out.
    return AccountingApi.page(
        call,
        COLLECTION,
        paged
            ? found
            : found.stream()
                .map(j -> JsonFactory.createObjectBuilder(j).remove("JournalLines").build())
                .toList(),
        paged);
  }

  private Reply one(AccountingApi.Call call, String id) {
    return store
        .find(call.orgId(), COLLECTION, id)
        .map(
            d ->
                Reply.json(
                    200,
                    XeroJson.envelope(call.providerName(), Instant.now())
                        .add(COLLECTION, JsonFactory.createArrayBuilder().add(d.json()))
                        .build()))
        .orElseGet(Reply::notFound);
  }

  // ---- writing -------------------------------------------------------------------------------

  private Reply save(AccountingApi.Call call, boolean post) {
    List<JsonObject> elements;
    try {
      elements = AccountingApi.elements(call.body(), COLLECTION);
    } catch (IllegalArgumentException e) {
      return Reply.validation(14, "PostDataInvalidException", e.getMessage());
    }
    if (elements.isEmpty()) {
      return Reply.validation(
          17,
          "NoDataProcessedException",
          "No data has been processed for this endpoint. This endpoint is expecting ManualJournal"
              + " data to be specifed in the request body.");
    }
    if (call.path().size() > 1) {
      if (store.find(call.orgId(), COLLECTION, call.path().get(1)).isEmpty()) {
        return Reply.notFound();
      }
      elements =
          List.of(
              JsonFactory.createObjectBuilder(elements.get(0)).add(ID, call.path().get(1)).build());
    }
    List<JsonObject> results = new ArrayList<>();
    List<JsonObject> failures = new ArrayList<>();
    for (JsonObject element : elements) {
      JsonObject result = saveOne(call.orgId(), element, post);
      results.add(result);
      if ("ERROR".equals(result.getString("StatusAttributeString", ""))) {
        failures.add(result);
      }
    }
    return AccountingApi.batchReply(call, COLLECTION, results, failures);
  }

  /**
   * Creates or (with {@code post} and a ManualJournalID) updates one journal; returns the element
   * as Xero answers it, with {@code StatusAttributeString} OK, WARNING or ERROR.
   */
  public JsonObject saveOne(String orgId, JsonObject element, boolean post) {
    String requestedId = XeroJson.string(element, ID);
    Optional<SandboxStore.Doc> existing =
        requestedId == null || !post
            ? Optional.empty()
            : store.find(orgId, COLLECTION, requestedId);
    if (requestedId != null && post && existing.isEmpty()) {
      return AccountingApi.failed(element, ID, "Manual journal not found");
    }
    JsonObjectBuilder merged =
        existing.isPresent()
            ? JsonFactory.createObjectBuilder(existing.get().json())
            : JsonFactory.createObjectBuilder()
                .add(ID, XeroJson.newId())
                .add("Date", XeroJson.date(LocalDate.now()))
                .add("HasAttachments", false);
    element.forEach(
        (name, value) -> {
          if (!Set.of(ID, "StatusAttributeString", "ValidationErrors", "Warnings").contains(name)) {
            merged.add(name, value);
          }
        });
    JsonObject journal = merged.remove("ValidationErrors").remove("Warnings").build();
    Map<String, JournalRules.Account> accounts = new HashMap<>();
    for (SandboxStore.Doc doc : store.list(orgId, "Accounts")) {
      JournalRules.Account account = JournalRules.Account.of(doc.json());
      accounts.put(account.code().toUpperCase(Locale.ROOT), account);
      accounts.put(account.id(), account);
    }
    JsonObject org =
        store.find(orgId, "Organisation", orgId).map(SandboxStore.Doc::json).orElse(null);
    LocalDate periodLock = org == null ? null : lock(org, "PeriodLockDate");
    LocalDate endOfYearLock = org == null ? null : lock(org, "EndOfYearLockDate");
    String previous = existing.map(d -> d.json().getString("Status", "DRAFT")).orElse(null);
    JournalRules.Outcome outcome =
        JournalRules.check(journal, previous, accounts, periodLock, endOfYearLock);
    JsonArrayBuilder warnings = JsonFactory.createArrayBuilder();
    outcome
        .warnings()
        .forEach(w -> warnings.add(JsonFactory.createObjectBuilder().add("Message", w)));
    if (!outcome.ok()) {
      JsonObject echo =
          JsonFactory.createObjectBuilder(outcome.journal()).add("Warnings", warnings).build();
      return AccountingApi.failed(
          existing.isPresent()
              ? echo
              : JsonFactory.createObjectBuilder(echo).add(ID, XeroJson.ZERO_ID).build(),
          ID,
          outcome.errors().toArray(String[]::new));
    }
    JsonObject saved =
        JsonFactory.createObjectBuilder(outcome.journal())
            .add("UpdatedDateUTC", XeroJson.timestamp(Instant.now()))
            .build();
    String status = saved.getString("Status");
    store.save(orgId, COLLECTION, saved.getString(ID), null, status, saved);
    JsonObjectBuilder answer = JsonFactory.createObjectBuilder(saved);
    if (outcome.warnings().isEmpty()) {
      answer.add("StatusAttributeString", "OK");
    } else {
      answer.add("StatusAttributeString", "WARNING").add("Warnings", warnings);
    }
    return answer.build();
  }

  private static LocalDate lock(JsonObject org, String field) {
    try {
      return XeroJson.parseDate(XeroJson.string(org, field));
    } catch (RuntimeException e) {
      return null;
    }
  }

  // ---- reports -------------------------------------------------------------------------------

  private Reply report(AccountingApi.Call call, String name) {
    boolean balanceSheet = name.equalsIgnoreCase("BalanceSheet");
    if (!balanceSheet && !name.equalsIgnoreCase("TrialBalance")) {
      return Reply.notFound();
    }
    LocalDate date;
    try {
      date = call.param("date") == null ? LocalDate.now() : XeroJson.parseDate(call.param("date"));
    } catch (RuntimeException e) {
      return Reply.validation(10, "ValidationException", "The date parameter is not a valid date");
    }
    JsonObject report;
    if (balanceSheet) {
      List<String> options = new ArrayList<>();
      for (String param : List.of("trackingOptionID1", "trackingOptionID2")) {
        String option = call.param(param);
        if (option != null && !option.isBlank()) {
          options.add(option.trim());
        }
      }
      report = balanceSheet(call.orgId(), date, options);
    } else {
      report = trialBalance(call.orgId(), date);
    }
    return Reply.json(
        200,
        XeroJson.envelope(call.providerName(), Instant.now())
            .add("Reports", JsonFactory.createArrayBuilder().add(report))
            .build());
  }

  /** The Trial Balance of an organisation at a date, in Xero's report shape. */
  public JsonObject trialBalance(String orgId, LocalDate date) {
    return posted(orgId, new Ledger(date))
        .trialBalance(orgName(orgId), jsons(orgId, "Accounts"), Instant.now());
  }

  /**
   * The Balance Sheet of an organisation at the end of the month of a date, in Xero's report shape;
   * with tracking option ids, only lines tracked with each of them count.
   */
  public JsonObject balanceSheet(String orgId, LocalDate date, List<String> trackingOptionIds) {
    List<JsonObject> categories = jsons(orgId, "TrackingCategories");
    List<Ledger.TrackingOption> tracking =
        trackingOptionIds.stream().map(id -> Ledger.TrackingOption.find(id, categories)).toList();
    return posted(orgId, Ledger.forBalanceSheet(date, tracking))
        .balanceSheet(orgName(orgId), jsons(orgId, "Accounts"), Instant.now());
  }

  private Ledger posted(String orgId, Ledger ledger) {
    List<JsonObject> payments = jsons(orgId, "Payments");
    return ledger
        .journals(jsons(orgId, COLLECTION))
        .documents(jsons(orgId, "Invoices"), false, payments)
        .documents(jsons(orgId, "CreditNotes"), true, payments);
  }

  private String orgName(String orgId) {
    return store
        .find(orgId, "Organisation", orgId)
        .map(d -> d.json().getString("Name", ""))
        .orElse("");
  }

  private List<JsonObject> jsons(String orgId, String collection) {
    return store.list(orgId, collection).stream().map(SandboxStore.Doc::json).toList();
  }
}
