package io.ledgerbridge.sandbox.boundary;

import io.ledgerbridge.platform.JsonFactory;
import io.ledgerbridge.sandbox.boundary.AccountingApi.Call;
import io.ledgerbridge.sandbox.control.DocumentMath;
import io.ledgerbridge.sandbox.control.DocumentRules;
import io.ledgerbridge.sandbox.control.Where;
import io.ledgerbridge.sandbox.control.XeroJson;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The sandbox's Invoices (ACCREC, ACCPAY), CreditNotes (ACCRECCREDIT, ACCPAYCREDIT) with their
 * Allocations, and Payments on invoices: Xero's line and tax maths, validation messages, status
 * rules, update semantics, filters and paging, and {@code summarizeErrors}.
 */
@Stateless
public class DocumentsApi {

  /** The resources (lower case) this class answers. */
  public static final Set<String> RESOURCES = Set.of("invoices", "creditnotes", "payments");

  private static final ZoneId ORG_ZONE = ZoneId.of("Pacific/Auckland");
  private static final BigDecimal ZERO = new BigDecimal("0.00");

  /** The two document families, with their field names. */
  enum Kind {
    INVOICE("Invoices", "Invoice", "InvoiceID", "InvoiceNumber", "ACCREC", "ACCPAY", "INV-"),
    CREDIT_NOTE(
        "CreditNotes",
        "Credit Note",
        "CreditNoteID",
        "CreditNoteNumber",
        "ACCRECCREDIT",
        "ACCPAYCREDIT",
        "CN-");

    final String plural;
    final String label;
    final String idField;
    final String numberField;
    final String salesType;
    final String purchaseType;
    final String prefix;

    Kind(
        String plural,
        String label,
        String idField,
        String numberField,
        String salesType,
        String purchaseType,
        String prefix) {
      this.plural = plural;
      this.label = label;
      this.idField = idField;
      this.numberField = numberField;
      this.salesType = salesType;
      this.purchaseType = purchaseType;
      this.prefix = prefix;
    }
  }

  /** What validation needs of the organisation's settings, read once per call. */
  record Org(
      LocalDate lockDate,
      String baseCurrency,
      Set<String> currencies,
      Map<String, JsonObject> accountsByCode,
      Map<String, JsonObject> accountsById,
      Map<String, JsonObject> taxRates,
      List<JsonObject> tracking) {}

  @Inject private SandboxStore store;

  public Reply handle(Call call) {
    List<String> path = call.path();
    String resource = path.get(0).toLowerCase(Locale.ROOT);
    String id = path.size() > 1 ? path.get(1) : null;
    String sub = path.size() > 2 ? path.get(2).toLowerCase(Locale.ROOT) : null;
    if (path.size() > 3) {
      return Reply.notFound();
    }
    if (resource.equals("payments")) {
      if (sub != null) {
        return Reply.notFound();
      }
      return switch (call.method()) {
        case "GET" -> id == null ? listPayments(call) : onePayment(call, id);
        case "PUT", "POST" -> id == null ? savePayments(call) : Reply.notFound();
        default -> notImplemented();
      };
    }
    Kind kind = resource.equals("invoices") ? Kind.INVOICE : Kind.CREDIT_NOTE;
    if (sub != null) {
      if (kind == Kind.CREDIT_NOTE && sub.equals("allocations")) {
        return call.method().equals("PUT") ? allocate(call, id) : notImplemented();
      }
      return Reply.notFound();
    }
    return switch (call.method()) {
      case "GET" -> id == null ? list(call, kind) : one(call, kind, id);
      case "PUT" -> id == null ? save(call, kind, false, null) : Reply.notFound();
      case "POST" -> save(call, kind, true, id);
      default -> notImplemented();
    };
  }

  private static Reply notImplemented() {
    return Reply.text(501, "The method is not implemented");
  }

  // ---- reading ---------------------------------------------------------------------------------

  private Reply list(Call call, Kind kind) {
    Predicate<JsonObject> where;
    try {
      where = Where.parse(call.param("where"));
    } catch (IllegalArgumentException e) {
      return AccountingApi.queryError(e.getMessage());
    }
    Instant modifiedSince;
    try {
      modifiedSince = AccountingApi.ifModifiedSince(call.ifModifiedSince());
    } catch (DateTimeParseException e) {
      return AccountingApi.queryError("If-Modified-Since is not a date");
    }
    List<String> ids = AccountingApi.csv(call.param("IDs"));
    List<String> numbers =
        AccountingApi.csv(
            call.param(kind == Kind.INVOICE ? "InvoiceNumbers" : "CreditNoteNumbers"));
    List<String> contactIds = AccountingApi.csv(call.param("ContactIDs"));
    List<String> statuses =
        AccountingApi.csv(call.param("Statuses")).stream()
            .map(s -> s.toUpperCase(Locale.ROOT))
            .toList();
    String term = call.param("searchTerm") == null ? null : Where.fold(call.param("searchTerm"));
    // By id: only those rows (the engine reads its drafts back 50 at a time).
    List<SandboxStore.Doc> stored =
        ids.isEmpty()
            ? store.list(call.orgId(), kind.plural)
            : store.byIds(call.orgId(), kind.plural, ids);
    List<JsonObject> found =
        stored.stream()
            .filter(d -> ids.isEmpty() || ids.stream().anyMatch(i -> i.equalsIgnoreCase(d.id())))
            .filter(
                d ->
                    numbers.isEmpty()
                        || numbers.stream()
                            .anyMatch(
                                n -> n.equalsIgnoreCase(d.json().getString(kind.numberField, ""))))
            .filter(
                d ->
                    contactIds.isEmpty()
                        || contactIds.stream()
                            .anyMatch(
                                c ->
                                    c.equalsIgnoreCase(
                                        XeroJson.string(contact(d.json()), "ContactID"))))
            .filter(d -> statuses.isEmpty() || statuses.contains(d.status()))
            .filter(d -> modifiedSince == null || d.updatedAt().isAfter(modifiedSince))
            .filter(d -> where.test(d.json()))
            .filter(
                d ->
                    term == null
                        || Where.fold(d.json().getString(kind.numberField, "")).contains(term)
                        || Where.fold(d.json().getString("Reference", "")).contains(term))
            .map(SandboxStore.Doc::json)
            .toList();
    boolean summaryOnly = "true".equalsIgnoreCase(call.param("summaryOnly"));
    boolean paged = call.param("page") != null || !statuses.isEmpty() || summaryOnly;
    boolean unitdp4 = unitdp4(call);
    return AccountingApi.page(
        call,
        kind.plural,
        found.stream().map(j -> view(j, unitdp4, paged && !summaryOnly)).toList(),
        paged);
  }

  private static JsonObject contact(JsonObject doc) {
    return doc.get("Contact") instanceof JsonObject c ? c : JsonValue.EMPTY_JSON_OBJECT;
  }

  private Reply one(Call call, Kind kind, String idOrNumber) {
    return store
        .find(call.orgId(), kind.plural, idOrNumber)
        .map(d -> envelope(call, kind.plural, List.of(view(d.json(), unitdp4(call), true))))
        .orElseGet(Reply::notFound);
  }

  private static boolean unitdp4(Call call) {
    return "4".equals(call.param("unitdp"));
  }

  /** A stored document as a response shows it: lines only when asked, UnitAmount per unitdp. */
  private static JsonObject view(JsonObject doc, boolean unitdp4, boolean withLines) {
    JsonObjectBuilder json = JsonFactory.createObjectBuilder(doc);
    if (!withLines) {
      json.remove("LineItems");
    } else if (!unitdp4 && doc.get("LineItems") instanceof JsonArray lines) {
      JsonArrayBuilder out = JsonFactory.createArrayBuilder();
      for (JsonValue value : lines) {
        JsonObject line = value.asJsonObject();
        if (line.get("UnitAmount") instanceof JsonNumber n) {
          out.add(
              JsonFactory.createObjectBuilder(line)
                  .add("UnitAmount", n.bigDecimalValue().setScale(2, RoundingMode.HALF_UP)));
        } else {
          out.add(line);
        }
      }
      json.add("LineItems", out);
    }
    return json.build();
  }

  private static Reply envelope(Call call, String plural, List<JsonObject> items) {
    JsonArrayBuilder list = JsonFactory.createArrayBuilder();
    items.forEach(list::add);
    return Reply.json(
        200, XeroJson.envelope(call.providerName(), Instant.now()).add(plural, list).build());
  }

  /**
   * The date of a payment or allocation: the one given (today in the organisation's zone if none),
   * refused on or before the lock date.
   */
  private static LocalDate paymentDate(Org org, JsonObject element, List<String> errors) {
    LocalDate date;
    try {
      date = XeroJson.parseDate(XeroJson.string(element, "Date"));
    } catch (RuntimeException e) {
      errors.add("The date is not valid");
      date = null;
    }
    if (date == null) {
      date = LocalDate.now(ORG_ZONE);
    }
    if (org.lockDate() != null && !date.isAfter(org.lockDate())) {
      errors.add(DocumentRules.lockDate(org.lockDate().toString()));
    }
    return date;
  }

  // ---- writing invoices and credit notes ------------------------------------------------------

  private static Reply noData(String what) {
    return Reply.validation(
        17,
        "NoDataProcessedException",
        "No data has been processed for this endpoint. This endpoint is expecting "
            + what
            + " data to be specifed in the request body.");
  }

  /**
   * The wrapped elements, or a bare document (as Xero's own examples POST it), whose only array may
   * be its LineItems.
   */
  static List<JsonObject> documentElements(String body, String plural) {
    List<JsonObject> wrapped = AccountingApi.elements(body, plural);
    if (!wrapped.isEmpty() || body == null || body.isBlank()) {
      return wrapped;
    }
    JsonValue value;
    try (var reader = JsonFactory.createReader(new java.io.StringReader(body))) {
      value = reader.readValue();
    }
    if (value instanceof JsonObject object
        && !object.isEmpty()
        && object.keySet().stream()
            .allMatch(
                k ->
                    !k.isEmpty()
                        && Character.isUpperCase(k.charAt(0))
                        && !k.equalsIgnoreCase(plural)
                        && (!(object.get(k) instanceof JsonArray) || k.equals("LineItems")))) {
      return List.of(object);
    }
    return List.of();
  }

  private Reply save(Call call, Kind kind, boolean post, String pathId) {
    List<JsonObject> elements;
    try {
      elements = documentElements(call.body(), kind.plural);
    } catch (IllegalArgumentException e) {
      return Reply.validation(14, "PostDataInvalidException", e.getMessage());
    }
    if (elements.isEmpty()) {
      return noData(kind == Kind.INVOICE ? "Invoice" : "CreditNote");
    }
    if (pathId != null) {
      Optional<SandboxStore.Doc> target = store.find(call.orgId(), kind.plural, pathId);
      if (target.isEmpty()) {
        return Reply.notFound();
      }
      elements =
          List.of(
              JsonFactory.createObjectBuilder(elements.get(0))
                  .add(kind.idField, target.get().id())
                  .build());
    }
    Org org = org(call.orgId());
    List<JsonObject> results = new ArrayList<>();
    List<JsonObject> failures = new ArrayList<>();
    for (JsonObject element : elements) {
      JsonObject result = saveOne(call, org, kind, element, post);
      results.add(result);
      if ("ERROR".equals(result.getString("StatusAttributeString", ""))) {
        failures.add(result);
      }
    }
    return AccountingApi.batchReply(call, kind.plural, results, failures);
  }

  Org org(String orgId) {
    JsonObject organisation =
        store
            .find(orgId, "Organisation", orgId)
            .map(SandboxStore.Doc::json)
            .orElse(JsonValue.EMPTY_JSON_OBJECT);
    LocalDate period = XeroJson.parseDate(XeroJson.string(organisation, "PeriodLockDate"));
    LocalDate year = XeroJson.parseDate(XeroJson.string(organisation, "EndOfYearLockDate"));
    LocalDate lock = period == null ? year : year == null || period.isAfter(year) ? period : year;
    Map<String, JsonObject> byCode = new HashMap<>();
    Map<String, JsonObject> byId = new HashMap<>();
    for (SandboxStore.Doc d : store.list(orgId, "Accounts")) {
      byId.put(d.id().toLowerCase(Locale.ROOT), d.json());
      String code = XeroJson.string(d.json(), "Code");
      if (code != null) {
        byCode.put(code.toUpperCase(Locale.ROOT), d.json());
      }
    }
    Map<String, JsonObject> taxRates = new HashMap<>();
    store
        .list(orgId, "TaxRates")
        .forEach(
            d ->
                taxRates.put(d.json().getString("TaxType", "").toUpperCase(Locale.ROOT), d.json()));
    return new Org(
        lock,
        organisation.getString("BaseCurrency", "NZD"),
        store.list(orgId, "Currencies").stream()
            .map(d -> d.json().getString("Code", "").toUpperCase(Locale.ROOT))
            .collect(Collectors.toSet()),
        byCode,
        byId,
        taxRates,
        store.list(orgId, "TrackingCategories").stream()
            .filter(d -> "ACTIVE".equals(d.status()))
            .map(SandboxStore.Doc::json)
            .toList());
  }

  private static boolean settled(JsonObject doc, Kind kind) {
    if (doc == null) {
      return false;
    }
    if (kind == Kind.INVOICE) {
      return money(doc, "AmountPaid").signum() > 0 || money(doc, "AmountCredited").signum() > 0;
    }
    return nonEmpty(doc, "Allocations") || nonEmpty(doc, "Payments");
  }

  private static boolean nonEmpty(JsonObject doc, String name) {
    return doc.get(name) instanceof JsonArray a && !a.isEmpty();
  }

  private static BigDecimal money(JsonObject doc, String name) {
    return doc.get(name) instanceof JsonNumber n
        ? n.bigDecimalValue().setScale(2, RoundingMode.HALF_UP)
        : ZERO;
  }

  /** Creates or updates one document; answers the saved document or its failed echo. */
  private JsonObject saveOne(Call call, Org org, Kind kind, JsonObject element, boolean post) {
    String orgId = call.orgId();
    List<String> errors = new ArrayList<>();
    String requestedId = XeroJson.string(element, kind.idField);
    String elementType = upper(XeroJson.string(element, "Type"));
    String elementNumber = XeroJson.string(element, kind.numberField);
    JsonObject base = null;
    if (requestedId != null) {
      Optional<SandboxStore.Doc> found =
          store
              .find(orgId, kind.plural, requestedId)
              .filter(d -> d.id().equalsIgnoreCase(requestedId));
      if (found.isEmpty()) {
        return failedEcho(element, kind, null, List.of(kind.label + " could not be found"));
      }
      if (!post) {
        return failedEcho(
            element,
            kind,
            null,
            List.of("PUT only creates; use POST to update an existing " + kind.label));
      }
      base = found.get().json();
    } else if (post
        && elementNumber != null
        && !elementNumber.isBlank()
        && (elementType == null || elementType.equals(kind.salesType))) {
      base =
          store.byKeyIgnoringCase(orgId, kind.plural, elementNumber).stream()
              .map(SandboxStore.Doc::json)
              .filter(j -> kind.salesType.equals(j.getString("Type", "")))
              .filter(j -> elementNumber.equalsIgnoreCase(j.getString(kind.numberField, "")))
              .filter(j -> !"DELETED".equals(j.getString("Status", "")))
              .findFirst()
              .orElse(null);
    }
    boolean update = base != null;

    // Type
    String type = update ? base.getString("Type") : elementType;
    if (type == null) {
      errors.add(kind.label.replace(" ", "") + " Type must be specified");
    } else if (!type.equals(kind.salesType) && !type.equals(kind.purchaseType)) {
      errors.add("'" + type + "' is not a valid " + kind.label + " type");
    }
    boolean sales = kind.salesType.equals(type);

    // Status and what may be edited
    String oldStatus = update ? base.getString("Status") : null;
    String status = upper(XeroJson.string(element, "Status"));
    if (status == null) {
      status = update ? oldStatus : "DRAFT";
    }
    boolean settled = settled(base, kind);
    boolean linesSupplied = element.containsKey("LineItems");
    if (update) {
      if (DocumentRules.FINISHED.contains(oldStatus)) {
        errors.add(DocumentRules.notModifiable(kind.label, settled));
      } else if (!DocumentRules.mayBecome(oldStatus, status)) {
        errors.add(DocumentRules.notModifiable(kind.label, settled));
      } else if (settled && (!status.equals(oldStatus) || linesSupplied || !sales)) {
        // A part-paid ACCREC keeps only its non-financial fields editable; a paid bill nothing.
        errors.add(DocumentRules.notModifiable(kind.label, true));
      }
    } else if (!DocumentRules.CREATE_STATUSES.contains(status)) {
      errors.add(kind.label + " not of valid status for creation");
    }
    boolean complete = !status.equals("DRAFT") && !status.equals("DELETED");

    // Contact
    JsonObject contactRef =
        element.get("Contact") instanceof JsonObject c ? c : update ? contact(base) : null;
    String newContactName = null;
    JsonObject contact = null;
    if (contactRef == null) {
      errors.add(DocumentRules.NO_CONTACT);
    } else {
      String contactId = XeroJson.string(contactRef, "ContactID");
      String name = XeroJson.string(contactRef, "Name");
      String number = XeroJson.string(contactRef, "ContactNumber");
      Optional<JsonObject> stored = Optional.empty();
      if (contactId != null) {
        stored =
            store
                .find(orgId, "Contacts", contactId)
                .filter(d -> d.id().equalsIgnoreCase(contactId))
                .map(SandboxStore.Doc::json);
      } else if (number != null && !number.isBlank()) {
        stored =
            store.list(orgId, "Contacts").stream()
                .map(SandboxStore.Doc::json)
                .filter(j -> number.equalsIgnoreCase(j.getString("ContactNumber", "")))
                .findFirst();
      } else if (name != null && !name.isBlank()) {
        List<JsonObject> named =
            store.list(orgId, "Contacts").stream()
                .map(SandboxStore.Doc::json)
                .filter(j -> name.trim().equalsIgnoreCase(j.getString("Name", "").trim()))
                .toList();
        stored =
            named.stream()
                .filter(j -> "ACTIVE".equals(j.getString("ContactStatus", "ACTIVE")))
                .findFirst()
                .or(() -> named.stream().findFirst());
        if (stored.isEmpty()) {
          newContactName = name.trim();
        }
      }
      if (stored.isPresent()) {
        JsonObject c = stored.get();
        String contactStatus = c.getString("ContactStatus", "ACTIVE");
        if (!"ACTIVE".equals(contactStatus)
            && !(update
                && c.getString("ContactID").equals(XeroJson.string(contact(base), "ContactID")))) {
          errors.add(
              "The contact '"
                  + c.getString("Name", "")
                  + "' is archived. Archived contacts cannot be used on transactions.");
        }
        contact = contactSummary(c);
      } else if (newContactName != null) {
        contact =
            JsonFactory.createObjectBuilder()
                .add("ContactID", XeroJson.newId())
                .add("Name", newContactName)
                .add("ContactStatus", "ACTIVE")
                .build();
      } else {
        errors.add(DocumentRules.NO_CONTACT);
      }
    }

    // Dates
    LocalDate date = null;
    LocalDate dueDate = null;
    try {
      date =
          element.containsKey("Date")
              ? XeroJson.parseDate(XeroJson.string(element, "Date"))
              : update ? XeroJson.parseDate(XeroJson.string(base, "Date")) : null;
      dueDate =
          element.containsKey("DueDate")
              ? XeroJson.parseDate(XeroJson.string(element, "DueDate"))
              : update ? XeroJson.parseDate(XeroJson.string(base, "DueDate")) : null;
    } catch (RuntimeException e) {
      errors.add("The date is not valid");
    }
    if (date == null) {
      date = LocalDate.now(ORG_ZONE);
    }
    if (complete && org.lockDate() != null && !date.isAfter(org.lockDate())) {
      errors.add(DocumentRules.lockDate(org.lockDate().toString()));
    }

    // Currency
    String currency =
        upper(
            Optional.ofNullable(XeroJson.string(element, "CurrencyCode"))
                .orElse(
                    update
                        ? base.getString("CurrencyCode", org.baseCurrency())
                        : org.baseCurrency()));
    if (!org.currencies().contains(currency)) {
      errors.add(DocumentRules.currencyNotEnabled(currency));
    }
    BigDecimal currencyRate = BigDecimal.ONE;
    if (!currency.equals(org.baseCurrency())) {
      BigDecimal given = decimal(element, "CurrencyRate", errors);
      if (given == null && update && base.get("CurrencyRate") instanceof JsonNumber n) {
        given = n.bigDecimalValue();
      }
      currencyRate = given == null || given.signum() <= 0 ? BigDecimal.ONE : given;
    }

    // Line amount types
    String lineAmountTypes =
        DocumentMath.lineAmountTypes(
            Optional.ofNullable(XeroJson.string(element, "LineAmountTypes"))
                .orElse(update ? base.getString("LineAmountTypes", "Exclusive") : "Exclusive"));
    if (lineAmountTypes == null) {
      errors.add(
          "LineAmountTypes '" + XeroJson.string(element, "LineAmountTypes") + "' is not valid");
      lineAmountTypes = "Exclusive";
    }

    // Lines: supplied lines replace the old ones (matched by LineItemID); left out, kept.
    List<JsonObject> oldLines = new ArrayList<>();
    if (update && base.get("LineItems") instanceof JsonArray a) {
      a.forEach(v -> oldLines.add(v.asJsonObject()));
    }
    List<JsonObject[]> inputs = new ArrayList<>(); // {merged line, supplied line or null}
    if (linesSupplied && element.get("LineItems") instanceof JsonArray supplied) {
      for (JsonValue value : supplied) {
        if (!(value instanceof JsonObject line)) {
          continue;
        }
        String lineId = XeroJson.string(line, "LineItemID");
        Optional<JsonObject> old =
            lineId == null
                ? Optional.empty()
                : oldLines.stream()
                    .filter(o -> lineId.equalsIgnoreCase(o.getString("LineItemID", "")))
                    .findFirst();
        if (old.isPresent()) {
          JsonObjectBuilder merged = JsonFactory.createObjectBuilder(old.get());
          line.forEach(merged::add);
          if (!line.containsKey("LineAmount")) {
            merged.remove("LineAmount");
          }
          merged.remove("TaxAmount");
          inputs.add(new JsonObject[] {merged.build(), line});
        } else {
          JsonObjectBuilder fresh = JsonFactory.createObjectBuilder(line);
          fresh.add("LineItemID", XeroJson.newId());
          inputs.add(new JsonObject[] {fresh.build(), line});
        }
      }
    } else {
      for (JsonObject old : oldLines) {
        JsonObjectBuilder kept = JsonFactory.createObjectBuilder(old);
        kept.remove("LineAmount");
        kept.remove("TaxAmount");
        inputs.add(new JsonObject[] {kept.build(), null});
      }
    }
    if (inputs.isEmpty()) {
      errors.add(DocumentRules.NO_LINES);
    }
    boolean unitdp4 = unitdp4(call);
    JsonArrayBuilder lines = JsonFactory.createArrayBuilder();
    List<BigDecimal> amounts = new ArrayList<>();
    List<BigDecimal> taxes = new ArrayList<>();
    BigDecimal totalDiscount = BigDecimal.ZERO;
    boolean discounted = false;
    for (JsonObject[] input : inputs) {
      JsonObject line = input[0];
      JsonObject supplied = input[1];
      JsonObjectBuilder out = JsonFactory.createObjectBuilder();
      out.add("LineItemID", line.getString("LineItemID"));
      if (line.containsKey("Description")) {
        out.add("Description", line.get("Description"));
      }
      BigDecimal quantity = decimal(line, "Quantity", errors);
      BigDecimal unit = decimal(line, "UnitAmount", errors);
      BigDecimal given = decimal(line, "LineAmount", errors);
      BigDecimal discount = decimal(line, "DiscountRate", errors);
      if (discount != null && discount.signum() != 0) {
        if (!"ACCREC".equals(type)) {
          errors.add("Discounts are only supported on ACCREC invoices (sales invoices).");
        }
        discounted = true;
      }
      if (quantity == null) {
        quantity = unit == null && given == null ? BigDecimal.ZERO : BigDecimal.ONE;
      }
      if (unit == null) {
        unit =
            given != null && quantity.signum() != 0
                ? given.divide(quantity, 4, RoundingMode.HALF_UP)
                : BigDecimal.ZERO;
      }
      unit = unit.setScale(unitdp4 ? 4 : 2, RoundingMode.HALF_UP);
      quantity = quantity.setScale(4, RoundingMode.HALF_UP);
      BigDecimal amount = DocumentMath.lineAmount(quantity, unit, discount);
      totalDiscount =
          totalDiscount.add(DocumentMath.round2(quantity.multiply(unit)).subtract(amount));
      out.add("Quantity", quantity).add("UnitAmount", unit);
      if (line.containsKey("ItemCode")) {
        out.add("ItemCode", line.get("ItemCode"));
      }

      // Account
      JsonObject account = null;
      String code = XeroJson.string(line, "AccountCode");
      String accountId = XeroJson.string(line, "AccountID");
      if (code != null && !code.isBlank()) {
        account = org.accountsByCode().get(code.trim().toUpperCase(Locale.ROOT));
        if (account == null) {
          errors.add(DocumentRules.invalidAccount(code));
        }
      } else if (accountId != null && !accountId.isBlank()) {
        account = org.accountsById().get(accountId.trim().toLowerCase(Locale.ROOT));
        if (account == null) {
          errors.add(DocumentRules.invalidAccount(accountId));
        }
      } else if (complete) {
        errors.add(DocumentRules.NO_ACCOUNT);
      }
      if (account != null && !"ACTIVE".equals(account.getString("Status", "ACTIVE"))) {
        errors.add(DocumentRules.archivedAccount(account.getString("Code", "")));
      }
      if (account != null) {
        out.add("AccountCode", account.getString("Code", ""))
            .add("AccountID", account.getString("AccountID", ""));
      }

      // Tax
      String taxType = upper(XeroJson.string(line, "TaxType"));
      if (taxType == null || taxType.isBlank()) {
        taxType = account != null ? account.getString("TaxType", "NONE") : null;
      }
      BigDecimal rate = BigDecimal.ZERO;
      if (taxType != null) {
        JsonObject taxRate = org.taxRates().get(taxType);
        if (taxRate == null || !"ACTIVE".equals(taxRate.getString("Status", "ACTIVE"))) {
          errors.add(DocumentRules.invalidTaxType(taxType));
        } else {
          rate =
              taxRate.get("EffectiveRate") instanceof JsonNumber n
                  ? n.bigDecimalValue()
                  : BigDecimal.ZERO;
          if (account != null
              && !DocumentRules.canApply(
                  account.getString("Class", null),
                  taxRate.getBoolean("CanApplyToAssets", true),
                  taxRate.getBoolean("CanApplyToEquity", true),
                  taxRate.getBoolean("CanApplyToExpenses", true),
                  taxRate.getBoolean("CanApplyToLiabilities", true),
                  taxRate.getBoolean("CanApplyToRevenue", true))) {
            errors.add(DocumentRules.taxTypeNotForAccount(taxType, account.getString("Code", "")));
          }
        }
        out.add("TaxType", taxType);
      }
      BigDecimal tax = DocumentMath.lineTax(amount, rate, lineAmountTypes);
      BigDecimal override = supplied == null ? null : decimal(supplied, "TaxAmount", errors);
      if (override != null && !"NoTax".equals(lineAmountTypes)) {
        tax = DocumentMath.round2(override);
      }
      out.add("TaxAmount", tax).add("LineAmount", amount);
      if (discount != null) {
        out.add("DiscountRate", discount.setScale(2, RoundingMode.HALF_UP));
      }

      // Tracking
      JsonArrayBuilder tracking = JsonFactory.createArrayBuilder();
      if (line.get("Tracking") instanceof JsonArray entries) {
        if (entries.size() > 2) {
          errors.add("A line item can have at most 2 tracking categories");
        }
        for (JsonValue value : entries) {
          if (value instanceof JsonObject entry) {
            JsonObject resolved = tracking(org, entry, errors);
            if (resolved != null) {
              tracking.add(resolved);
            }
          }
        }
      }
      out.add("Tracking", tracking);
      lines.add(out);
      amounts.add(amount);
      taxes.add(tax);
    }
    DocumentMath.Totals totals = DocumentMath.totals(amounts, taxes, lineAmountTypes);

    // Number
    String number =
        element.containsKey(kind.numberField)
            ? elementNumber
            : update ? base.getString(kind.numberField, "") : null;
    String docId = update ? base.getString(kind.idField) : null;
    if (sales && number != null && !number.isBlank()) {
      String wanted = number.trim();
      boolean duplicate =
          store.byKeyIgnoringCase(orgId, kind.plural, wanted).stream()
              .filter(d -> !d.id().equals(docId))
              .filter(d -> !"DELETED".equals(d.status()))
              .map(SandboxStore.Doc::json)
              .anyMatch(
                  j ->
                      kind.salesType.equals(j.getString("Type", ""))
                          && wanted.equalsIgnoreCase(j.getString(kind.numberField, "").trim()));
      if (duplicate) {
        errors.add(DocumentRules.duplicateNumber(kind.label));
      }
    }

    // Amounts paid and credited
    BigDecimal paid = update ? money(base, "AmountPaid") : ZERO;
    BigDecimal credited =
        !update ? ZERO : money(base, kind == Kind.INVOICE ? "AmountCredited" : "AppliedAmount");
    BigDecimal remaining = totals.total().subtract(paid).subtract(credited);
    if (remaining.signum() < 0) {
      errors.add(DocumentRules.notModifiable(kind.label, true));
    }
    if (errors.isEmpty()
        && status.equals("AUTHORISED")
        && remaining.signum() == 0
        && kind == Kind.INVOICE) {
      status = "PAID";
    }

    JsonObjectBuilder doc = JsonFactory.createObjectBuilder();
    if (type != null) {
      doc.add("Type", type);
    }
    String id = docId != null ? docId : XeroJson.newId();
    doc.add(kind.idField, id);
    if (kind == Kind.CREDIT_NOTE) {
      doc.add("ID", id);
    }
    String reference = XeroJson.string(element, "Reference");
    if (reference == null && update) {
      reference = XeroJson.string(base, "Reference");
    }
    if (reference != null) {
      doc.add("Reference", reference);
    }
    if (kind == Kind.INVOICE) {
      doc.add("Prepayments", JsonFactory.createArrayBuilder())
          .add("Overpayments", JsonFactory.createArrayBuilder())
          .add("AmountDue", remaining)
          .add("AmountPaid", paid)
          .add("AmountCredited", credited);
    } else {
      doc.add("RemainingCredit", remaining).add("AppliedAmount", credited);
      doc.add(
          "Allocations",
          update && base.get("Allocations") instanceof JsonArray a
              ? a
              : JsonValue.EMPTY_JSON_ARRAY);
    }
    doc.add("SentToContact", update && base.getBoolean("SentToContact", false))
        .add("CurrencyRate", currencyRate.setScale(6, RoundingMode.HALF_UP))
        .add("HasAttachments", false)
        .add("HasErrors", false);
    if (kind == Kind.INVOICE) {
      doc.add("IsDiscounted", discounted);
    }
    if (contact != null) {
      doc.add("Contact", contact);
    }
    XeroJson.addDate(doc, "Date", date);
    XeroJson.addDate(doc, "DueDate", dueDate);
    doc.add("Status", status)
        .add("LineAmountTypes", lineAmountTypes)
        .add("LineItems", lines)
        .add("SubTotal", totals.subTotal())
        .add("TotalTax", totals.totalTax())
        .add("Total", totals.total());
    if (discounted) {
      doc.add("TotalDiscount", DocumentMath.round2(totalDiscount));
    }
    Instant now = Instant.now();
    doc.add("UpdatedDateUTC", XeroJson.timestamp(now))
        .add("UpdatedDateUTCString", XeroJson.timestampString(now))
        .add("CurrencyCode", currency);
    for (String passthrough : List.of("Url", "BrandingThemeID", "ExpectedPaymentDate")) {
      String value = XeroJson.string(element, passthrough);
      if (value == null && update) {
        value = XeroJson.string(base, passthrough);
      }
      if (value != null) {
        doc.add(passthrough, value);
      }
    }
    doc.add(
        "Payments",
        update && base.get("Payments") instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY);
    if (kind == Kind.INVOICE) {
      doc.add(
          "CreditNotes",
          update && base.get("CreditNotes") instanceof JsonArray a
              ? a
              : JsonValue.EMPTY_JSON_ARRAY);
    }
    if (status.equals("PAID")) {
      XeroJson.addDate(doc, "FullyPaidOnDate", LocalDate.now(ORG_ZONE));
    }

    if (!errors.isEmpty()) {
      doc.add(kind.numberField, number == null ? "" : number);
      return failedEcho(doc.build(), kind, update ? docId : null, errors);
    }
    if (number == null || number.isBlank()) {
      number = sales ? nextNumber(orgId, kind) : "";
    }
    doc.add(kind.numberField, number.trim());
    if (newContactName != null) {
      createContact(orgId, contact);
    }
    JsonObject saved = doc.build();
    store.save(orgId, kind.plural, id, number.isBlank() ? null : number.trim(), status, saved);
    return JsonFactory.createObjectBuilder(view(saved, unitdp4, true))
        .add("StatusAttributeString", "OK")
        .build();
  }

  private static JsonObject contactSummary(JsonObject c) {
    JsonObjectBuilder json =
        JsonFactory.createObjectBuilder()
            .add("ContactID", c.getString("ContactID"))
            .add("ContactStatus", c.getString("ContactStatus", "ACTIVE"))
            .add("Name", c.getString("Name", ""));
    if (c.containsKey("ContactNumber")) {
      json.add("ContactNumber", c.get("ContactNumber"));
    }
    return json.add("HasValidationErrors", false).build();
  }

  private void createContact(String orgId, JsonObject contact) {
    Instant now = Instant.now();
    JsonObject json =
        JsonFactory.createObjectBuilder()
            .add("ContactID", contact.getString("ContactID"))
            .add("ContactStatus", "ACTIVE")
            .add("Name", contact.getString("Name"))
            .add("EmailAddress", "")
            .add("ContactGroups", JsonFactory.createArrayBuilder())
            .add("ContactPersons", JsonFactory.createArrayBuilder())
            .add("IsSupplier", false)
            .add("IsCustomer", false)
            .add("HasAttachments", false)
            .add("HasValidationErrors", false)
            .add("UpdatedDateUTC", XeroJson.timestamp(now))
            .build();
    store.save(
        orgId, "Contacts", json.getString("ContactID"), json.getString("Name"), "ACTIVE", json);
  }

  private String nextNumber(String orgId, Kind kind) {
    Pattern pattern = Pattern.compile(Pattern.quote(kind.prefix) + "(\\d+)");
    int max = 0;
    for (SandboxStore.Doc d : store.list(orgId, kind.plural)) {
      Matcher m = pattern.matcher(d.json().getString(kind.numberField, ""));
      if (m.matches()) {
        try {
          max = Math.max(max, Integer.parseInt(m.group(1)));
        } catch (NumberFormatException e) {
          // far too long to be one of ours
        }
      }
    }
    return kind.prefix + String.format(Locale.ROOT, "%04d", max + 1);
  }

  private static JsonObject tracking(Org org, JsonObject entry, List<String> errors) {
    String categoryId = XeroJson.string(entry, "TrackingCategoryID");
    String name = XeroJson.string(entry, "Name");
    Optional<JsonObject> category =
        org.tracking().stream()
            .filter(
                c ->
                    categoryId != null
                        ? categoryId.equalsIgnoreCase(c.getString("TrackingCategoryID", ""))
                        : name != null && name.trim().equalsIgnoreCase(c.getString("Name", "")))
            .findFirst();
    if (category.isEmpty()) {
      errors.add(
          "The tracking category '"
              + (categoryId != null ? categoryId : name)
              + "' does not exist or is not active.");
      return null;
    }
    String optionId = XeroJson.string(entry, "TrackingOptionID");
    String optionName = XeroJson.string(entry, "Option");
    Optional<JsonObject> option =
        category.get().getJsonArray("Options").stream()
            .map(JsonValue::asJsonObject)
            .filter(o -> "ACTIVE".equals(o.getString("Status", "ACTIVE")))
            .filter(
                o ->
                    optionId != null
                        ? optionId.equalsIgnoreCase(o.getString("TrackingOptionID", ""))
                        : optionName != null
                            && optionName.trim().equalsIgnoreCase(o.getString("Name", "")))
            .findFirst();
    if (option.isEmpty()) {
      errors.add(
          "The tracking option '"
              + (optionId != null ? optionId : optionName)
              + "' does not exist in tracking category '"
              + category.get().getString("Name")
              + "'.");
      return null;
    }
    return JsonFactory.createObjectBuilder()
        .add("Name", category.get().getString("Name"))
        .add("Option", option.get().getString("Name"))
        .add("TrackingCategoryID", category.get().getString("TrackingCategoryID"))
        .add("TrackingOptionID", option.get().getString("TrackingOptionID"))
        .build();
  }

  /** A document that failed, echoed as Xero does: HasErrors, ValidationErrors, ERROR. */
  private static JsonObject failedEcho(
      JsonObject element, Kind kind, String existingId, List<String> messages) {
    JsonArrayBuilder errors = JsonFactory.createArrayBuilder();
    messages.stream()
        .distinct()
        .forEach(m -> errors.add(JsonFactory.createObjectBuilder().add("Message", m)));
    JsonObjectBuilder json = JsonFactory.createObjectBuilder(element);
    json.add(kind.idField, existingId != null ? existingId : XeroJson.ZERO_ID);
    if (kind == Kind.CREDIT_NOTE && element.containsKey("ID")) {
      json.add("ID", existingId != null ? existingId : XeroJson.ZERO_ID);
    }
    return json.add("HasErrors", true)
        .add("StatusAttributeString", "ERROR")
        .add("ValidationErrors", errors)
        .build();
  }

  private static String upper(String text) {
    return text == null ? null : text.trim().toUpperCase(Locale.ROOT);
  }

  private static BigDecimal decimal(JsonObject json, String name, List<String> errors) {
    JsonValue value = json.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonNumber n) {
      return n.bigDecimalValue();
    }
    if (value instanceof JsonString s && !s.getString().isBlank()) {
      try {
        return new BigDecimal(s.getString().trim());
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    errors.add(name + " must be a number");
    return null;
  }

  // ---- payments ------------------------------------------------------------------------------

  private Reply listPayments(Call call) {
    Predicate<JsonObject> where;
    try {
      where = Where.parse(call.param("where"));
    } catch (IllegalArgumentException e) {
      return AccountingApi.queryError(e.getMessage());
    }
    Instant modifiedSince;
    try {
      modifiedSince = AccountingApi.ifModifiedSince(call.ifModifiedSince());
    } catch (DateTimeParseException e) {
      return AccountingApi.queryError("If-Modified-Since is not a date");
    }
    List<JsonObject> found =
        store.list(call.orgId(), "Payments").stream()
            .filter(d -> modifiedSince == null || d.updatedAt().isAfter(modifiedSince))
            .map(SandboxStore.Doc::json)
            .filter(where)
            .toList();
    return AccountingApi.page(call, "Payments", found, call.param("page") != null);
  }

  private Reply onePayment(Call call, String id) {
    return store
        .find(call.orgId(), "Payments", id)
        .map(d -> envelope(call, "Payments", List.of(d.json())))
        .orElseGet(Reply::notFound);
  }

  private Reply savePayments(Call call) {
    List<JsonObject> elements;
    try {
      elements = AccountingApi.elements(call.body(), "Payments");
    } catch (IllegalArgumentException e) {
      return Reply.validation(14, "PostDataInvalidException", e.getMessage());
    }
    if (elements.isEmpty()) {
      return noData("Payment");
    }
    Org org = org(call.orgId());
    List<JsonObject> results = new ArrayList<>();
    List<JsonObject> failures = new ArrayList<>();
    for (JsonObject element : elements) {
      JsonObject result = payOne(call.orgId(), org, element);
      results.add(result);
      if ("ERROR".equals(result.getString("StatusAttributeString", ""))) {
        failures.add(result);
      }
    }
    return AccountingApi.batchReply(call, "Payments", results, failures);
  }

  private Optional<SandboxStore.Doc> invoiceRef(String orgId, JsonObject ref) {
    if (ref == null) {
      return Optional.empty();
    }
    String id = XeroJson.string(ref, "InvoiceID");
    String number = XeroJson.string(ref, "InvoiceNumber");
    if (id != null) {
      return store.find(orgId, "Invoices", id).filter(d -> d.id().equalsIgnoreCase(id));
    }
    return number == null ? Optional.empty() : store.find(orgId, "Invoices", number);
  }

  private JsonObject payOne(String orgId, Org org, JsonObject element) {
    List<String> errors = new ArrayList<>();
    JsonObject ref = element.get("Invoice") instanceof JsonObject o ? o : null;
    Optional<SandboxStore.Doc> invoiceDoc = invoiceRef(orgId, ref);
    JsonObject invoice = invoiceDoc.map(SandboxStore.Doc::json).orElse(null);
    if (ref == null) {
      errors.add(
          "You must specify either an Invoice, CreditNote, Prepayment or Overpayment for this payment");
    } else if (invoice == null) {
      errors.add("Invoice could not be found");
    } else if (!"AUTHORISED".equals(invoice.getString("Status"))) {
      errors.add("Payments can only be made against Authorised documents");
    }
    JsonObject accountRef = element.get("Account") instanceof JsonObject o ? o : null;
    JsonObject account = null;
    if (accountRef == null) {
      errors.add(DocumentRules.NO_ACCOUNT);
    } else {
      String code = XeroJson.string(accountRef, "Code");
      String accountId = XeroJson.string(accountRef, "AccountID");
      account =
          code != null
              ? org.accountsByCode().get(code.trim().toUpperCase(Locale.ROOT))
              : accountId != null
                  ? org.accountsById().get(accountId.toLowerCase(Locale.ROOT))
                  : null;
      if (account == null) {
        errors.add(DocumentRules.invalidAccount(code != null ? code : String.valueOf(accountId)));
      } else if (!"ACTIVE".equals(account.getString("Status", "ACTIVE"))) {
        errors.add(DocumentRules.archivedAccount(account.getString("Code", "")));
      } else if (!"BANK".equals(account.getString("Type", ""))
          && !account.getBoolean("EnablePaymentsToAccount", false)) {
        errors.add(
            "Account code '"
                + account.getString("Code", "")
                + "' is not a bank account and does not allow payments.");
      }
    }
    BigDecimal amount = decimal(element, "Amount", errors);
    if (amount == null || amount.signum() <= 0) {
      errors.add("Payment amount must be greater than zero");
    } else {
      amount = DocumentMath.round2(amount);
      if (invoice != null && amount.compareTo(money(invoice, "AmountDue")) > 0) {
        errors.add("Payment amount exceeds the amount outstanding on this document");
      }
    }
    LocalDate date = paymentDate(org, element, errors);
    if (!errors.isEmpty()) {
      JsonArrayBuilder list = JsonFactory.createArrayBuilder();
      errors.stream()
          .distinct()
          .forEach(m -> list.add(JsonFactory.createObjectBuilder().add("Message", m)));
      return JsonFactory.createObjectBuilder(element)
          .add("PaymentID", XeroJson.ZERO_ID)
          .add("HasValidationErrors", true)
          .add("StatusAttributeString", "ERROR")
          .add("ValidationErrors", list)
          .build();
    }
    String paymentId = XeroJson.newId();
    Instant now = Instant.now();
    String reference = XeroJson.string(element, "Reference");
    JsonObjectBuilder payment =
        JsonFactory.createObjectBuilder()
            .add("PaymentID", paymentId)
            .add("BatchPaymentID", XeroJson.ZERO_ID);
    XeroJson.addDate(payment, "Date", date);
    payment
        .add("BankAmount", amount)
        .add("Amount", amount)
        .add("Reference", reference == null ? "" : reference)
        .add("CurrencyRate", BigDecimal.ONE.setScale(6))
        .add(
            "PaymentType",
            "ACCREC".equals(invoice.getString("Type")) ? "ACCRECPAYMENT" : "ACCPAYPAYMENT")
        .add("Status", "AUTHORISED")
        .add("UpdatedDateUTC", XeroJson.timestamp(now))
        .add("HasAccount", true)
        .add("IsReconciled", false)
        .add(
            "Account",
            JsonFactory.createObjectBuilder()
                .add("AccountID", account.getString("AccountID"))
                .add("Code", account.getString("Code", "")))
        .add(
            "Invoice",
            JsonFactory.createObjectBuilder()
                .add("Type", invoice.getString("Type"))
                .add("InvoiceID", invoice.getString("InvoiceID"))
                .add("InvoiceNumber", invoice.getString("InvoiceNumber", ""))
                .add("Contact", contact(invoice))
                .add("CurrencyCode", invoice.getString("CurrencyCode", "NZD")))
        .add("HasValidationErrors", false);
    JsonObject saved = payment.build();
    store.save(orgId, "Payments", paymentId, null, "AUTHORISED", saved);

    BigDecimal paid = money(invoice, "AmountPaid").add(amount);
    BigDecimal due = money(invoice, "AmountDue").subtract(amount);
    JsonObjectBuilder entry = JsonFactory.createObjectBuilder().add("PaymentID", paymentId);
    XeroJson.addDate(entry, "Date", date);
    entry.add("Amount", amount).add("Reference", reference == null ? "" : reference);
    JsonArrayBuilder payments =
        JsonFactory.createArrayBuilder(
            invoice.get("Payments") instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY);
    payments.add(entry);
    JsonObjectBuilder updated =
        JsonFactory.createObjectBuilder(invoice)
            .add("AmountPaid", paid)
            .add("AmountDue", due)
            .add("Payments", payments)
            .add("UpdatedDateUTC", XeroJson.timestamp(now))
            .add("UpdatedDateUTCString", XeroJson.timestampString(now));
    String status = invoice.getString("Status");
    if (due.signum() == 0) {
      status = "PAID";
      updated.add("Status", status);
      XeroJson.addDate(updated, "FullyPaidOnDate", date);
    }
    store.save(
        orgId,
        "Invoices",
        invoice.getString("InvoiceID"),
        invoiceDoc.get().key(),
        status,
        updated.build());
    return JsonFactory.createObjectBuilder(saved).add("StatusAttributeString", "OK").build();
  }

  // ---- allocations ---------------------------------------------------------------------------

  private Reply allocate(Call call, String creditNoteId) {
    String orgId = call.orgId();
    Optional<SandboxStore.Doc> cnDoc = store.find(orgId, "CreditNotes", creditNoteId);
    if (cnDoc.isEmpty()) {
      return Reply.notFound();
    }
    List<JsonObject> elements;
    try {
      elements = AccountingApi.elements(call.body(), "Allocations");
    } catch (IllegalArgumentException e) {
      return Reply.validation(14, "PostDataInvalidException", e.getMessage());
    }
    if (elements.isEmpty()) {
      return noData("Allocation");
    }
    Org org = org(orgId);
    JsonObject creditNote = cnDoc.get().json();
    List<JsonObject> results = new ArrayList<>();
    List<JsonObject> failures = new ArrayList<>();
    for (JsonObject element : elements) {
      List<String> errors = new ArrayList<>();
      if (!"AUTHORISED".equals(creditNote.getString("Status"))) {
        errors.add("Only AUTHORISED credit notes can be allocated");
      }
      JsonObject ref = element.get("Invoice") instanceof JsonObject o ? o : null;
      Optional<SandboxStore.Doc> invoiceDoc = invoiceRef(orgId, ref);
      JsonObject invoice = invoiceDoc.map(SandboxStore.Doc::json).orElse(null);
      if (invoice == null) {
        errors.add("Invoice could not be found");
      } else {
        if (!"AUTHORISED".equals(invoice.getString("Status"))) {
          errors.add("Credit notes can only be allocated to AUTHORISED invoices");
        }
        String expected = "ACCRECCREDIT".equals(creditNote.getString("Type")) ? "ACCREC" : "ACCPAY";
        if (!expected.equals(invoice.getString("Type"))) {
          errors.add(
              "A "
                  + creditNote.getString("Type")
                  + " credit note can only be allocated to an "
                  + expected
                  + " invoice");
        }
        if (!XeroJson.string(contact(invoice), "ContactID")
            .equalsIgnoreCase(String.valueOf(XeroJson.string(contact(creditNote), "ContactID")))) {
          errors.add("The credit note and the invoice must be for the same contact");
        }
        if (!invoice
            .getString("CurrencyCode", "")
            .equals(creditNote.getString("CurrencyCode", ""))) {
          errors.add("The credit note and the invoice must be in the same currency");
        }
      }
      BigDecimal amount = decimal(element, "Amount", errors);
      if (amount == null || amount.signum() <= 0) {
        errors.add("Amount must be greater than zero");
      } else {
        amount = DocumentMath.round2(amount);
        if (amount.compareTo(money(creditNote, "RemainingCredit")) > 0) {
          errors.add("The amount being allocated exceeds the remaining credit on the credit note");
        }
        if (invoice != null && amount.compareTo(money(invoice, "AmountDue")) > 0) {
          errors.add("The amount being allocated exceeds the amount due on the invoice");
        }
      }
      LocalDate date = paymentDate(org, element, errors);
      if (!errors.isEmpty()) {
        JsonArrayBuilder list = JsonFactory.createArrayBuilder();
        errors.stream()
            .distinct()
            .forEach(m -> list.add(JsonFactory.createObjectBuilder().add("Message", m)));
        JsonObject failed =
            JsonFactory.createObjectBuilder(element)
                .add("AllocationID", XeroJson.ZERO_ID)
                .add("StatusAttributeString", "ERROR")
                .add("ValidationErrors", list)
                .build();
        results.add(failed);
        failures.add(failed);
        continue;
      }
      Instant now = Instant.now();
      String allocationId = XeroJson.newId();
      JsonObjectBuilder allocation =
          JsonFactory.createObjectBuilder().add("AllocationID", allocationId).add("Amount", amount);
      XeroJson.addDate(allocation, "Date", date);
      allocation
          .add(
              "Invoice",
              JsonFactory.createObjectBuilder()
                  .add("InvoiceID", invoice.getString("InvoiceID"))
                  .add("InvoiceNumber", invoice.getString("InvoiceNumber", ""))
                  .add("Type", invoice.getString("Type")))
          .add(
              "CreditNote",
              JsonFactory.createObjectBuilder()
                  .add("CreditNoteID", creditNote.getString("CreditNoteID"))
                  .add("CreditNoteNumber", creditNote.getString("CreditNoteNumber", ""))
                  .add("Type", creditNote.getString("Type")))
          .add("IsDeleted", false);
      JsonObject saved = allocation.build();

      BigDecimal remaining = money(creditNote, "RemainingCredit").subtract(amount);
      JsonArrayBuilder cnAllocations =
          JsonFactory.createArrayBuilder(
              creditNote.get("Allocations") instanceof JsonArray a
                  ? a
                  : JsonValue.EMPTY_JSON_ARRAY);
      cnAllocations.add(saved);
      JsonObjectBuilder cn =
          JsonFactory.createObjectBuilder(creditNote)
              .add("RemainingCredit", remaining)
              .add("AppliedAmount", money(creditNote, "AppliedAmount").add(amount))
              .add("Allocations", cnAllocations)
              .add("UpdatedDateUTC", XeroJson.timestamp(now))
              .add("UpdatedDateUTCString", XeroJson.timestampString(now));
      if (remaining.signum() == 0) {
        cn.add("Status", "PAID");
        XeroJson.addDate(cn, "FullyPaidOnDate", date);
      }
      creditNote = cn.build();
      store.save(
          orgId,
          "CreditNotes",
          creditNote.getString("CreditNoteID"),
          cnDoc.get().key(),
          creditNote.getString("Status"),
          creditNote);

      BigDecimal due = money(invoice, "AmountDue").subtract(amount);
      JsonObjectBuilder entry =
          JsonFactory.createObjectBuilder()
              .add("CreditNoteID", creditNote.getString("CreditNoteID"))
              .add("CreditNoteNumber", creditNote.getString("CreditNoteNumber", ""))
              .add("AppliedAmount", amount)
              .add("Total", money(creditNote, "Total"));
      XeroJson.addDate(entry, "Date", date);
      JsonArrayBuilder credits =
          JsonFactory.createArrayBuilder(
              invoice.get("CreditNotes") instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY);
      credits.add(entry);
      JsonObjectBuilder inv =
          JsonFactory.createObjectBuilder(invoice)
              .add("AmountCredited", money(invoice, "AmountCredited").add(amount))
              .add("AmountDue", due)
              .add("CreditNotes", credits)
              .add("UpdatedDateUTC", XeroJson.timestamp(now))
              .add("UpdatedDateUTCString", XeroJson.timestampString(now));
      if (due.signum() == 0) {
        inv.add("Status", "PAID");
        XeroJson.addDate(inv, "FullyPaidOnDate", date);
      }
      JsonObject updatedInvoice = inv.build();
      store.save(
          orgId,
          "Invoices",
          updatedInvoice.getString("InvoiceID"),
          invoiceDoc.get().key(),
          updatedInvoice.getString("Status"),
          updatedInvoice);
      results.add(
          JsonFactory.createObjectBuilder(saved).add("StatusAttributeString", "OK").build());
    }
    return AccountingApi.batchReply(call, "Allocations", results, failures);
  }
}
