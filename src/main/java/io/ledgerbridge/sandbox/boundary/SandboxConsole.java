package io.ledgerbridge.sandbox.boundary;

import io.ledgerbridge.platform.JsonFactory;
import io.ledgerbridge.sandbox.control.OrgFaults;
import io.ledgerbridge.sandbox.control.XeroJson;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox console's operations — what the accountant "working in Xero" does by hand: act on
 * documents, archive and merge contacts, set lock dates, fault injection and limits, reset. Used by
 * the admin REST API and the admin page alike. Refusals are {@link ConsoleException}s.
 */
@Stateless
public class SandboxConsole {

  /** A refused console action: 404 (no such thing) or 409 (not allowed in this state). */
  @jakarta.ejb.ApplicationException(rollback = true)
  public static class ConsoleException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public ConsoleException(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /** Console collection names (lower case, as in URLs) and the store's. */
  public static final Map<String, String> COLLECTIONS =
      Map.of(
          "contacts", "Contacts",
          "invoices", "Invoices",
          "creditnotes", "CreditNotes",
          "manualjournals", "ManualJournals",
          "journals", "ManualJournals",
          "payments", "Payments");

  public static final List<String> ACTIONS = List.of("submit", "approve", "pay", "void", "delete");

  @Inject private SandboxStore store;
  @Inject private SandboxIdempotencyStore idempotency;
  @Inject private JournalsApi journals;

  public List<SandboxStore.Doc> organisations() {
    return store.organisations();
  }

  public SandboxStore.Doc organisation(String orgId) {
    return store
        .find(orgId, "Organisation", orgId)
        .orElseThrow(() -> new ConsoleException(404, "No sandbox organisation " + orgId));
  }

  public static String collection(String name) {
    String collection = COLLECTIONS.get(name == null ? "" : name.toLowerCase(Locale.ROOT));
    if (collection == null) {
      throw new ConsoleException(
          404, "Unknown collection " + name + "; use one of " + COLLECTIONS.keySet());
    }
    return collection;
  }

  public List<SandboxStore.Doc> documents(String orgId, String collectionName) {
    organisation(orgId);
    return store.list(orgId, collection(collectionName));
  }

  private SandboxStore.Doc document(String orgId, String collection, String id) {
    organisation(orgId);
    return store
        .find(orgId, collection, id)
        .orElseThrow(() -> new ConsoleException(404, "No " + collection + " " + id));
  }

  /** submit, approve, pay, void or delete an invoice, credit note or manual journal. */
  public JsonObject act(String orgId, String collectionName, String id, String action) {
    String collection = collection(collectionName);
    String verb = action == null ? "" : action.toLowerCase(Locale.ROOT);
    if (!ACTIONS.contains(verb)) {
      throw new ConsoleException(404, "Unknown action " + action + "; use one of " + ACTIONS);
    }
    SandboxStore.Doc doc = document(orgId, collection, id);
    if (collection.equals(JournalsApi.COLLECTION)) {
      return journalAction(orgId, doc, verb);
    }
    if (!collection.equals("Invoices") && !collection.equals("CreditNotes")) {
      throw new ConsoleException(409, "Documents of " + collection + " have no " + verb + ".");
    }
    JsonObject json = doc.json();
    String status = json.getString("Status", "DRAFT");
    BigDecimal paid = amount(json, "AmountPaid");
    BigDecimal credited = amount(json, "AmountCredited");
    String next =
        switch (verb) {
          case "submit" -> allowed(status, "SUBMITTED", "DRAFT");
          case "approve" -> allowed(status, "AUTHORISED", "DRAFT", "SUBMITTED");
          case "delete" -> allowed(status, "DELETED", "DRAFT", "SUBMITTED");
          case "void" -> {
            if (paid.signum() != 0 || credited.signum() != 0) {
              throw new ConsoleException(
                  409,
                  "This document cannot be edited as it has a payment or credit note allocated to"
                      + " it.");
            }
            yield allowed(status, "VOIDED", "AUTHORISED", "SUBMITTED");
          }
          default -> allowed(status, "PAID", "AUTHORISED");
        };
    JsonObjectBuilder updated =
        JsonFactory.createObjectBuilder(json)
            .add("Status", next)
            .add("UpdatedDateUTC", XeroJson.timestamp(Instant.now()));
    if (verb.equals("pay")) {
      BigDecimal total = amount(json, "Total");
      BigDecimal due = total.subtract(paid).subtract(credited);
      String idField = collection.equals("Invoices") ? "InvoiceID" : "CreditNoteID";
      String type = json.getString("Type", "ACCREC");
      JsonObject account =
          store
              .find(orgId, "Accounts", "090")
              .map(
                  a ->
                      JsonFactory.createObjectBuilder()
                          .add("AccountID", a.id())
                          .add("Code", "090")
                          .build())
              .orElse(JsonFactory.createObjectBuilder().add("Code", "090").build());
      String paymentId = XeroJson.newId();
      LocalDate today = LocalDate.now();
      JsonObjectBuilder payment =
          JsonFactory.createObjectBuilder()
              .add("PaymentID", paymentId)
              .add("Date", XeroJson.date(today))
              .add("Amount", XeroJson.money(due))
              .add("Reference", "Paid in the sandbox console")
              .add("Status", "AUTHORISED")
              .add(
                  "PaymentType",
                  switch (type) {
                    case "ACCPAY" -> "ACCPAYPAYMENT";
                    case "ACCRECCREDIT" -> "ARCREDITPAYMENT";
                    case "ACCPAYCREDIT" -> "APCREDITPAYMENT";
                    default -> "ACCRECPAYMENT";
                  })
              .add("Account", account)
              .add("UpdatedDateUTC", XeroJson.timestamp(Instant.now()))
              .add(
                  collection.equals("Invoices") ? "Invoice" : "CreditNote",
                  JsonFactory.createObjectBuilder()
                      .add(idField, doc.id())
                      .add(
                          collection.equals("Invoices") ? "InvoiceNumber" : "CreditNoteNumber",
                          doc.key() == null ? "" : doc.key())
                      .add("Type", type));
      store.save(orgId, "Payments", paymentId, null, "AUTHORISED", payment.build());
      updated
          .add("AmountPaid", XeroJson.money(paid.add(due)))
          .add("AmountDue", XeroJson.money(BigDecimal.ZERO))
          .add("FullyPaidOnDate", XeroJson.date(today))
          .add(
              "Payments",
              JsonFactory.createArrayBuilder(
                      json.get("Payments") instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY)
                  .add(
                      JsonFactory.createObjectBuilder()
                          .add("PaymentID", paymentId)
                          .add("Date", XeroJson.date(today))
                          .add("Amount", XeroJson.money(due))));
      if (collection.equals("CreditNotes")) {
        updated.add("RemainingCredit", XeroJson.money(BigDecimal.ZERO));
      }
    }
    JsonObject saved = updated.build();
    store.save(orgId, collection, doc.id(), doc.key(), next, saved);
    return saved;
  }

  private JsonObject journalAction(String orgId, SandboxStore.Doc doc, String verb) {
    String next =
        switch (verb) {
          case "approve", "submit" -> "POSTED";
          case "void" -> "VOIDED";
          case "delete" -> "DELETED";
          default -> throw new ConsoleException(409, "A manual journal cannot be paid.");
        };
    JsonObject result =
        journals.saveOne(
            orgId,
            JsonFactory.createObjectBuilder()
                .add("ManualJournalID", doc.id())
                .add("Status", next)
                .build(),
            true);
    if ("ERROR".equals(result.getString("StatusAttributeString", ""))) {
      throw new ConsoleException(
          409,
          result.getJsonArray("ValidationErrors").stream()
              .map(v -> ((JsonObject) v).getString("Message", ""))
              .reduce((a, b) -> a + " " + b)
              .orElse("Refused"));
    }
    return result;
  }

  private static String allowed(String status, String next, String... from) {
    for (String f : from) {
      if (f.equals(status)) {
        return next;
      }
    }
    throw new ConsoleException(
        409, "A document that is " + status + " cannot become " + next + ".");
  }

  private static BigDecimal amount(JsonObject json, String field) {
    try {
      return json.containsKey(field) && !json.isNull(field)
          ? new BigDecimal(json.get(field).toString().replace("\"", ""))
          : BigDecimal.ZERO;
    } catch (NumberFormatException e) {
      return BigDecimal.ZERO;
    }
  }

  /**
   * Stores a document as given (Xero-shaped JSON, no validation), as if the accountant had entered
   * it in Xero: for tests and scripts that need invoices, bills or credit notes in a given state.
   */
  public JsonObject putDocument(String orgId, String collectionName, String id, JsonObject json) {
    organisation(orgId);
    String collection = collection(collectionName);
    String idField =
        switch (collection) {
          case "Contacts" -> "ContactID";
          case "Invoices" -> "InvoiceID";
          case "CreditNotes" -> "CreditNoteID";
          case "Payments" -> "PaymentID";
          default -> "ManualJournalID";
        };
    String key =
        switch (collection) {
          case "Contacts" -> json.getString("Name", null);
          case "Invoices" -> json.getString("InvoiceNumber", null);
          case "CreditNotes" -> json.getString("CreditNoteNumber", null);
          default -> null;
        };
    String status =
        collection.equals("Contacts")
            ? json.getString("ContactStatus", "ACTIVE")
            : json.getString("Status", "DRAFT");
    JsonObject saved =
        JsonFactory.createObjectBuilder(json)
            .add(idField, id)
            .add("UpdatedDateUTC", XeroJson.timestamp(Instant.now()))
            .build();
    store.save(orgId, collection, id, key, status, saved);
    return saved;
  }

  // ---- contacts ------------------------------------------------------------------------------

  public JsonObject archiveContact(String orgId, String contactId) {
    SandboxStore.Doc doc = document(orgId, "Contacts", contactId);
    JsonObject saved =
        JsonFactory.createObjectBuilder(doc.json())
            .add("ContactStatus", "ARCHIVED")
            .add("UpdatedDateUTC", XeroJson.timestamp(Instant.now()))
            .build();
    store.save(orgId, "Contacts", doc.id(), doc.key(), "ARCHIVED", saved);
    return saved;
  }

  /**
   * Merges a contact into another, as Xero does: the merged one becomes ARCHIVED (with
   * MergedToContactID) and its invoices, credit notes and payments move to the other.
   *
   * @return how many documents moved
   */
  public int mergeContact(String orgId, String fromId, String intoId) {
    SandboxStore.Doc from = document(orgId, "Contacts", fromId);
    SandboxStore.Doc into = document(orgId, "Contacts", intoId);
    if (from.id().equals(into.id())) {
      throw new ConsoleException(409, "A contact cannot be merged into itself.");
    }
    if (!"ACTIVE".equals(into.json().getString("ContactStatus", "ACTIVE"))) {
      throw new ConsoleException(409, "A contact can only be merged into an active contact.");
    }
    int moved = 0;
    JsonObject contactRef =
        JsonFactory.createObjectBuilder()
            .add("ContactID", into.id())
            .add("Name", into.json().getString("Name", ""))
            .build();
    for (String collection : List.of("Invoices", "CreditNotes", "Payments")) {
      for (SandboxStore.Doc doc : store.list(orgId, collection)) {
        JsonValue contact = doc.json().get("Contact");
        if (contact instanceof JsonObject c && from.id().equals(c.getString("ContactID", ""))) {
          store.save(
              orgId,
              collection,
              doc.id(),
              doc.key(),
              doc.status(),
              JsonFactory.createObjectBuilder(doc.json())
                  .add("Contact", contactRef)
                  .add("UpdatedDateUTC", XeroJson.timestamp(Instant.now()))
                  .build());
          moved++;
        }
      }
    }
    store.save(
        orgId,
        "Contacts",
        from.id(),
        from.key(),
        "ARCHIVED",
        JsonFactory.createObjectBuilder(from.json())
            .add("ContactStatus", "ARCHIVED")
            .add("MergedToContactID", into.id())
            .add("UpdatedDateUTC", XeroJson.timestamp(Instant.now()))
            .build());
    return moved;
  }

  // ---- settings ------------------------------------------------------------------------------

  /** Sets (or, with null, clears) the period and end-of-year lock dates. */
  public JsonObject setLockDates(String orgId, LocalDate periodLock, LocalDate endOfYearLock) {
    SandboxStore.Doc org = organisation(orgId);
    JsonObjectBuilder json =
        JsonFactory.createObjectBuilder(org.json())
            .remove("PeriodLockDate")
            .remove("PeriodLockDateString")
            .remove("EndOfYearLockDate")
            .remove("EndOfYearLockDateString");
    XeroJson.addDate(json, "PeriodLockDate", periodLock);
    XeroJson.addDate(json, "EndOfYearLockDate", endOfYearLock);
    JsonObject saved = json.build();
    store.save(orgId, "Organisation", org.id(), org.key(), org.status(), saved);
    return saved;
  }

  public static LocalDate lockDate(JsonObject org, String field) {
    try {
      return XeroJson.parseDate(XeroJson.string(org, field));
    } catch (RuntimeException e) {
      return null;
    }
  }

  public OrgFaults faults(String orgId) {
    return store
        .find(orgId, OrgFaults.COLLECTION, OrgFaults.DOC_ID)
        .map(d -> OrgFaults.fromJson(d.json(), OrgFaults.NONE))
        .orElse(OrgFaults.NONE);
  }

  public OrgFaults setFaults(String orgId, OrgFaults faults) {
    organisation(orgId);
    store.save(
        orgId, OrgFaults.COLLECTION, OrgFaults.DOC_ID, OrgFaults.DOC_ID, null, faults.toJson());
    return faults;
  }

  /** Back to the seed: every organisation's data, idempotency records and limiter counts. */
  public void reset() {
    store.reset();
    idempotency.clear();
    SandboxServlet.limiter().clear();
  }

  /** For the REST API's error answers. */
  public static Optional<ConsoleException> cause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConsoleException c) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
