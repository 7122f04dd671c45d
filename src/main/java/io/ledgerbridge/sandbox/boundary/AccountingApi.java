package io.ledgerbridge.sandbox.boundary;

import io.ledgerbridge.platform.JsonFactory;
import io.ledgerbridge.sandbox.control.Where;
import io.ledgerbridge.sandbox.control.XeroJson;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The sandbox's Accounting API ({@code /api.xro/2.0}) for one organisation, after authentication,
 * limits and idempotency have been dealt with: settings (Organisation, Accounts, TaxRates,
 * TrackingCategories, Currencies) and Contacts, with Xero's filters, paging, validation messages
 * and {@code summarizeErrors} semantics. Resource names are matched case-insensitively, as at Xero.
 */
@Stateless
public class AccountingApi {

  /** One call: method, path segments after {@code /api.xro/2.0/}, query and body. */
  public record Call(
      String method,
      List<String> path,
      Map<String, String> query,
      String ifModifiedSince,
      String body,
      String orgId,
      String providerName) {

    String param(String name) {
      return query.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final List<String> SETTINGS =
      List.of("organisation", "accounts", "taxrates", "trackingcategories", "currencies");

  @Inject private SandboxStore store;
  @Inject private JournalsApi journals;
  @Inject private DocumentsApi documents;

  public Reply handle(Call call) {
    if (call.path().isEmpty()) {
      return Reply.notFound();
    }
    String resource = call.path().get(0).toLowerCase(Locale.ROOT);
    String id = call.path().size() > 1 ? call.path().get(1) : null;
    if (DocumentsApi.RESOURCES.contains(resource)) {
      return documents.handle(call);
    }
    if (call.path().size() > 2) {
      return Reply.notFound();
    }
    if (SETTINGS.contains(resource)) {
      return call.method().equals("GET") ? settings(call, resource, id) : notImplemented();
    }
    if (resource.equals("contacts")) {
      return switch (call.method()) {
        case "GET" -> id == null ? listContacts(call) : oneContact(call, id);
        case "PUT" -> id == null ? saveContacts(call, false) : Reply.notFound();
        case "POST" -> saveContacts(call, true);
        default -> notImplemented();
      };
    }
    if (resource.equals("manualjournals") || resource.equals("reports")) {
      return journals.handle(call);
    }
    return Reply.notFound();
  }

  private static Reply notImplemented() {
    return Reply.text(501, "The method is not implemented");
  }

  private Reply settings(Call call, String resource, String id) {
    String collection =
        switch (resource) {
          case "organisation" -> "Organisation";
          case "accounts" -> "Accounts";
          case "taxrates" -> "TaxRates";
          case "trackingcategories" -> "TrackingCategories";
          default -> "Currencies";
        };
    String plural = resource.equals("organisation") ? "Organisations" : collection;
    List<JsonObject> found;
    if (resource.equals("organisation")) {
      found =
          store
              .find(call.orgId(), "Organisation", call.orgId())
              .map(d -> List.of(d.json()))
              .orElse(List.of());
    } else if (id != null) {
      Optional<SandboxStore.Doc> doc = store.find(call.orgId(), collection, id);
      if (doc.isEmpty()) {
        return Reply.notFound();
      }
      found = List.of(doc.get().json());
    } else {
      Predicate<JsonObject> where;
      try {
        where = Where.parse(call.param("where"));
      } catch (IllegalArgumentException e) {
        return queryError(e.getMessage());
      }
      boolean includeArchived = "true".equalsIgnoreCase(call.param("includeArchived"));
      found =
          store.list(call.orgId(), collection).stream()
              .map(SandboxStore.Doc::json)
              .filter(where)
              .filter(
                  json ->
                      includeArchived
                          || !resource.equals("trackingcategories")
                          || !"ARCHIVED".equals(json.getString("Status", "")))
              .toList();
    }
    try {
      found = ordered(call, found);
    } catch (IllegalArgumentException e) {
      return queryError(e.getMessage());
    }
    JsonArrayBuilder items = JsonFactory.createArrayBuilder();
    found.forEach(items::add);
    return Reply.json(
        200, XeroJson.envelope(call.providerName(), Instant.now()).add(plural, items).build());
  }

  // ---- Contacts --------------------------------------------------------------------------------

  private Reply listContacts(Call call) {
    Predicate<JsonObject> where;
    try {
      where = Where.parse(call.param("where"));
    } catch (IllegalArgumentException e) {
      return queryError(e.getMessage());
    }
    Instant modifiedSince;
    try {
      modifiedSince = ifModifiedSince(call.ifModifiedSince());
    } catch (DateTimeParseException e) {
      return queryError("If-Modified-Since is not a date");
    }
    boolean includeArchived = "true".equalsIgnoreCase(call.param("includeArchived"));
    List<String> ids = csv(call.param("IDs"));
    String searchTerm =
        call.param("searchTerm") == null ? null : Where.fold(call.param("searchTerm"));
    List<SandboxStore.Doc> docs =
        store.list(call.orgId(), "Contacts").stream()
            .filter(d -> includeArchived || !ids.isEmpty() || !"ARCHIVED".equals(d.status()))
            .filter(d -> ids.isEmpty() || ids.stream().anyMatch(i -> i.equalsIgnoreCase(d.id())))
            .filter(d -> modifiedSince == null || d.updatedAt().isAfter(modifiedSince))
            .filter(d -> where.test(d.json()))
            .filter(d -> searchTerm == null || matchesSearch(d.json(), searchTerm))
            .toList();
    return page(call, "Contacts", docs.stream().map(SandboxStore.Doc::json).toList());
  }

  private static boolean matchesSearch(JsonObject contact, String term) {
    for (String field :
        List.of(
            "Name", "FirstName", "LastName", "ContactNumber", "EmailAddress", "CompanyNumber")) {
      if (Where.fold(contact.getString(field, "")).contains(term)) {
        return true;
      }
    }
    return false;
  }

  private Reply oneContact(Call call, String idOrNumber) {
    return store
        .find(call.orgId(), "Contacts", idOrNumber)
        .or(
            () ->
                store.list(call.orgId(), "Contacts").stream()
                    .filter(d -> idOrNumber.equals(d.json().getString("ContactNumber", null)))
                    .findFirst())
        .map(
            d ->
                Reply.json(
                    200,
                    XeroJson.envelope(call.providerName(), Instant.now())
                        .add("Contacts", JsonFactory.createArrayBuilder().add(d.json()))
                        .build()))
        .orElseGet(Reply::notFound);
  }

  /** PUT (create only) or POST (create, or update when ContactID is given). */
  private Reply saveContacts(Call call, boolean post) {
    List<JsonObject> elements;
    try {
      elements = elements(call.body(), "Contacts");
    } catch (IllegalArgumentException e) {
      return Reply.validation(14, "PostDataInvalidException", e.getMessage());
    }
    if (elements.isEmpty()) {
      return Reply.validation(
          17,
          "NoDataProcessedException",
          "No data has been processed for"
              + " this endpoint. This endpoint is expecting Contact data to be specifed in the request body.");
    }
    if (call.path().size() > 1) {
      elements =
          List.of(
              JsonFactory.createObjectBuilder(elements.get(0))
                  .add("ContactID", call.path().get(1))
                  .build());
    }
    List<JsonObject> results = new ArrayList<>();
    List<JsonObject> failures = new ArrayList<>();
    for (JsonObject element : elements) {
      JsonObject result = saveContact(call.orgId(), element, post);
      results.add(result);
      if ("ERROR".equals(result.getString("StatusAttributeString", ""))) {
        failures.add(result);
      }
    }
    return batchReply(call, "Contacts", results, failures);
  }

  private JsonObject saveContact(String orgId, JsonObject element, boolean post) {
    String requestedId = XeroJson.string(element, "ContactID");
    Optional<SandboxStore.Doc> existing =
        requestedId == null || !post
            ? Optional.empty()
            : store.find(orgId, "Contacts", requestedId);
    if (requestedId != null && post && existing.isEmpty()) {
      return failed(element, "ContactID", "Contact not found");
    }
    JsonObjectBuilder merged =
        existing.isPresent()
            ? JsonFactory.createObjectBuilder(existing.get().json())
            : newContact();
    element.forEach(
        (name, value) -> {
          if (!name.equals("ContactID")
              && !name.equals("StatusAttributeString")
              && !name.equals("ValidationErrors")) {
            merged.add(name, value);
          }
        });
    JsonObject contact = merged.build();
    List<String> errors = new ArrayList<>();
    String name = contact.getString("Name", "").trim();
    String contactId = contact.getString("ContactID");
    if (name.isEmpty()) {
      errors.add("Contact Name cannot be empty.");
    } else if (name.length() > 255) {
      errors.add("Contact Name must not exceed 255 characters.");
    } else if (name.contains("<") || name.contains(">")) {
      errors.add("The contact name cannot contain the characters < or >.");
    }
    String status = contact.getString("ContactStatus", "ACTIVE");
    List<SandboxStore.Doc> others =
        store.list(orgId, "Contacts").stream().filter(d -> !d.id().equals(contactId)).toList();
    if (!name.isEmpty()
        && "ACTIVE".equals(status)
        && others.stream()
            .anyMatch(
                d ->
                    "ACTIVE".equals(d.status())
                        && d.json().getString("Name", "").trim().equalsIgnoreCase(name))) {
      errors.add(
          "The contact name "
              + name
              + " is already assigned to another contact. The contact"
              + " name must be unique across all active contacts.");
    }
    String number = contact.getString("ContactNumber", "");
    if (!number.isEmpty()
        && others.stream()
            .anyMatch(d -> number.equalsIgnoreCase(d.json().getString("ContactNumber", "")))) {
      errors.add("The contact number " + number + " is already assigned to another contact.");
    }
    String account = contact.getString("AccountNumber", "");
    if (!account.isEmpty()
        && others.stream()
            .anyMatch(d -> account.equalsIgnoreCase(d.json().getString("AccountNumber", "")))) {
      errors.add("The Account Number already exists. Please enter a different Account Number.");
    }
    String email = contact.getString("EmailAddress", "");
    if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
      errors.add("Email address must be valid.");
    }
    if (!errors.isEmpty()) {
      return failed(
          existing.isPresent() ? contact : withoutId(contact),
          "ContactID",
          errors.toArray(String[]::new));
    }
    JsonObject saved =
        JsonFactory.createObjectBuilder(contact)
            .add("Name", name)
            .add("UpdatedDateUTC", XeroJson.timestamp(Instant.now()))
            .add("HasValidationErrors", false)
            .build();
    store.save(orgId, "Contacts", contactId, name, status, saved);
    return JsonFactory.createObjectBuilder(saved).add("StatusAttributeString", "OK").build();
  }

  private static JsonObjectBuilder newContact() {
    return JsonFactory.createObjectBuilder()
        .add("ContactID", XeroJson.newId())
        .add("ContactStatus", "ACTIVE")
        .add("EmailAddress", "")
        .add("Addresses", XeroJson.contactAddressSlots())
        .add("Phones", XeroJson.contactPhoneSlots())
        .add("ContactGroups", JsonFactory.createArrayBuilder())
        .add("ContactPersons", JsonFactory.createArrayBuilder())
        .add("IsSupplier", false)
        .add("IsCustomer", false)
        .add("HasAttachments", false);
  }

  private static JsonObject withoutId(JsonObject contact) {
    return JsonFactory.createObjectBuilder(contact).add("ContactID", XeroJson.ZERO_ID).build();
  }

  /** An element that failed, echoed with its validation errors (Xero's ERROR element). */
  static JsonObject failed(JsonObject element, String idField, String... messages) {
    JsonArrayBuilder errors = JsonFactory.createArrayBuilder();
    Arrays.stream(messages)
        .forEach(m -> errors.add(JsonFactory.createObjectBuilder().add("Message", m)));
    JsonObjectBuilder json = JsonFactory.createObjectBuilder(element);
    if (!element.containsKey(idField)) {
      json.add(idField, XeroJson.ZERO_ID);
    }
    // Contacts and payments flag it; manual journals have no such field at Xero.
    if (!idField.equals("ManualJournalID")) {
      json.add("HasValidationErrors", true);
    }
    return json.add("StatusAttributeString", "ERROR").add("ValidationErrors", errors).build();
  }

  /**
   * Xero's two answers to a batch: with {@code summarizeErrors=false}, 200 with every element;
   * otherwise, if any failed, 400 listing only the failures — the valid ones are saved all the
   * same.
   */
  static Reply batchReply(
      Call call, String plural, List<JsonObject> results, List<JsonObject> failures) {
    boolean summarize = !"false".equalsIgnoreCase(call.param("summarizeErrors"));
    if (summarize && !failures.isEmpty()) {
      JsonArrayBuilder elements = JsonFactory.createArrayBuilder();
      failures.forEach(elements::add);
      return Reply.json(
          400,
          JsonFactory.createObjectBuilder()
              .add("ErrorNumber", 10)
              .add("Type", "ValidationException")
              .add("Message", "A validation exception occurred")
              .add("Elements", elements)
              .build());
    }
    JsonArrayBuilder all = JsonFactory.createArrayBuilder();
    results.forEach(all::add);
    return Reply.json(
        200, XeroJson.envelope(call.providerName(), Instant.now()).add(plural, all).build());
  }

  /** The elements of {@code {"Contacts":[…]}}, or of a bare object, as Xero accepts both. */
  static List<JsonObject> elements(String body, String plural) {
    if (body == null || body.isBlank()) {
      return List.of();
    }
    JsonValue value;
    try (var reader = JsonFactory.createReader(new StringReader(body))) {
      value = reader.readValue();
    } catch (JsonParsingException e) {
      throw new IllegalArgumentException("The request body could not be parsed as JSON.");
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Object reference not set to an instance of an object.");
    }
    if (!(value instanceof JsonObject object)) {
      throw new IllegalArgumentException("Object reference not set to an instance of an object.");
    }
    for (String key : object.keySet()) {
      if (key.equalsIgnoreCase(plural)) {
        JsonValue list = object.get(key);
        if (!(list instanceof JsonArray array)) {
          return List.of();
        }
        List<JsonObject> out = new ArrayList<>();
        for (JsonValue element : array) {
          if (element instanceof JsonObject o) {
            out.add(o);
          }
        }
        return out;
      }
    }
    // A bare element (no wrapper) is accepted when it looks like one.
    return object.keySet().stream().anyMatch(k -> Character.isUpperCase(k.charAt(0)))
            && object.keySet().stream()
                .noneMatch(
                    k ->
                        object.get(k) instanceof JsonArray
                            && k.endsWith("s")
                            && !k.equals("Addresses")
                            && !k.equals("Phones")
                            && !k.equals("ContactPersons")
                            && !k.equals("ContactGroups"))
        ? List.of(object)
        : List.of();
  }

  private static Reply page(Call call, String plural, List<JsonObject> all) {
    return page(call, plural, all, call.param("page") != null);
  }

  /**
   * A list answer with Xero's paging: when {@code paged} (a {@code page} parameter, or a filter
   * that forces paging), one page of {@code pageSize} (default 100, at most 1,000) and the {@code
   * pagination} object; otherwise everything.
   */
  static Reply page(Call call, String plural, List<JsonObject> all, boolean paged) {
    try {
      all = ordered(call, all);
    } catch (IllegalArgumentException e) {
      return queryError(e.getMessage());
    }
    JsonObjectBuilder envelope = XeroJson.envelope(call.providerName(), Instant.now());
    List<JsonObject> items = all;
    if (paged) {
      int page = Math.max(1, parseInt(call.param("page"), 1));
      int size = Math.max(1, Math.min(1000, parseInt(call.param("pageSize"), 100)));
      int from = Math.min(all.size(), (page - 1) * size);
      items = all.subList(from, Math.min(all.size(), from + size));
      envelope.add(
          "pagination",
          JsonFactory.createObjectBuilder()
              .add("page", page)
              .add("pageSize", size)
              .add("pageCount", (all.size() + size - 1) / size)
              .add("itemCount", all.size()));
    }
    JsonArrayBuilder list = JsonFactory.createArrayBuilder();
    items.forEach(list::add);
    return Reply.json(200, envelope.add(plural, list).build());
  }

  /** The list in the order of the {@code order} parameter, if one is given. */
  static List<JsonObject> ordered(Call call, List<JsonObject> all) {
    Comparator<JsonObject> order = Where.order(call.param("order"));
    return order == null ? all : all.stream().sorted(order).toList();
  }

  private static int parseInt(String text, int defaultValue) {
    try {
      return text == null ? defaultValue : Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return defaultValue;
    }
  }

  static List<String> csv(String text) {
    return text == null || text.isBlank()
        ? List.of()
        : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  static Reply queryError(String message) {
    return Reply.validation(16, "QueryParseException", message);
  }

  /** ISO-8601 with or without offset (UTC if none), or an RFC 1123 HTTP date. */
  static Instant ifModifiedSince(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.trim();
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return java.time.LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      }
    }
  }
}
