package io.ledgerbridge.xero.client;

import io.ledgerbridge.xero.client.wire.Account;
import io.ledgerbridge.xero.client.wire.Contact;
import io.ledgerbridge.xero.client.wire.CreditNote;
import io.ledgerbridge.xero.client.wire.Currency;
import io.ledgerbridge.xero.client.wire.Envelope;
import io.ledgerbridge.xero.client.wire.Invoice;
import io.ledgerbridge.xero.client.wire.ManualJournal;
import io.ledgerbridge.xero.client.wire.Organisation;
import io.ledgerbridge.xero.client.wire.Payment;
import io.ledgerbridge.xero.client.wire.Report;
import io.ledgerbridge.xero.client.wire.TaxRate;
import io.ledgerbridge.xero.client.wire.TrackingCategory;
import io.ledgerbridge.xero.client.wire.XeroElement;
import io.ledgerbridge.xero.client.wire.XeroJson;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The only code that speaks HTTP to Xero's Accounting API. Reads return typed wire objects; writes
 * go in batches of at most 50 with {@code summarizeErrors=false} and return a result per element.
 * Every call goes through the organisation's {@link XeroRateGovernor}; every write carries an
 * {@code Idempotency-Key} derived from its content ({@link IdempotencyKeys}) and reused on each
 * retry. Retries: 5xx, time-outs and dropped connections, with exponential back-off and jitter
 * ({@code max-retries}); 429s for the minute, app-minute and concurrency limits are waited out
 * (they were refused, so they never count as ambiguous); a 401 renews the token once and retries
 * once. A write whose request may have reached Xero but got no clear answer ends as {@link
 * XeroException.Ambiguous} — the caller must reconcile before re-sending.
 *
 * <p>Thread-safe; one instance per node ({@link XeroClientProducer}). Constructible without CDI for
 * tests. Never logs a token or a body.
 */
public class XeroClient implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(XeroClient.class.getName());
  private static final String JSON = "application/json";
  private static final String ZERO_ID = "00000000-0000-0000-0000-000000000000";

  /** After this long since a write was first sent, Xero may have forgotten its key (6 min). */
  private static final Duration IDEMPOTENCY_HORIZON = Duration.ofMinutes(5);

  /** One HTTP exchange, for tests that check requests against Xero's OpenAPI description. */
  public record Exchange(
      String method,
      URI uri,
      Map<String, String> requestHeaders,
      String requestBody,
      int status,
      String contentType,
      String responseBody) {}

  /** A write resource: path, wrapper and how to read an element's id, number and status. */
  private record Kind<T extends XeroElement>(
      String path,
      Function<Envelope, List<T>> read,
      BiConsumer<Envelope, List<T>> wrap,
      Function<T, String> id,
      Function<T, String> number,
      Function<T, String> status) {}

  private static final Kind<Invoice> INVOICES =
      new Kind<>(
          "Invoices",
          e -> e.invoices,
          (e, l) -> e.invoices = l,
          i -> i.invoiceID,
          i -> i.invoiceNumber,
          i -> i.status);
  private static final Kind<CreditNote> CREDIT_NOTES =
      new Kind<>(
          "CreditNotes",
          e -> e.creditNotes,
          (e, l) -> e.creditNotes = l,
          c -> c.creditNoteID,
          c -> c.creditNoteNumber,
          c -> c.status);
  private static final Kind<ManualJournal> MANUAL_JOURNALS =
      new Kind<>(
          "ManualJournals",
          e -> e.manualJournals,
          (e, l) -> e.manualJournals = l,
          j -> j.manualJournalID,
          j -> null,
          j -> j.status);
  private static final Kind<Contact> CONTACTS =
      new Kind<>(
          "Contacts",
          e -> e.contacts,
          (e, l) -> e.contacts = l,
          c -> c.contactID,
          c -> c.contactNumber,
          c -> c.contactStatus);
  private static final Kind<Payment> PAYMENTS =
      new Kind<>(
          "Payments",
          e -> e.payments,
          (e, l) -> e.payments = l,
          p -> p.paymentID,
          p -> null,
          p -> p.status);

  private final XeroClientSettings settings;
  private final XeroGovernors governors;
  private final XeroApiUsage usage;
  private final Clock clock;
  private final Client http;
  private final XeroJson json;
  private volatile Consumer<Exchange> exchangeListener;

  public XeroClient(XeroClientSettings settings, XeroGovernors governors, XeroApiUsage usage) {
    this(settings, governors, usage, Clock.systemUTC());
  }

  public XeroClient(
      XeroClientSettings settings, XeroGovernors governors, XeroApiUsage usage, Clock clock) {
    this.settings = settings;
    this.governors = governors;
    this.usage = usage;
    this.clock = clock;
    this.json = new XeroJson();
    this.http =
        ClientBuilder.newBuilder()
            .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .build();
  }

  public XeroClientSettings settings() {
    return settings;
  }

  public XeroApiUsage usage() {
    return usage;
  }

  public XeroRateGovernor governor(String tenantId) {
    return governors.forTenant(tenantId);
  }

  /** Sees every exchange (tokens left out); for conformance tests. Null to stop. */
  public void onExchange(Consumer<Exchange> listener) {
    this.exchangeListener = listener;
  }

  @Override
  public void close() {
    http.close();
    json.close();
  }

  // ---- reference data --------------------------------------------------------------------------

  public Organisation organisation(XeroTarget target) {
    List<Organisation> orgs = get(target, "Organisation", Map.of(), null).organisations;
    if (orgs == null || orgs.isEmpty()) {
      throw new XeroException.NotFound("GET Organisation", List.of("no organisation"), null);
    }
    return orgs.get(0);
  }

  public List<Account> accounts(XeroTarget target) {
    return accounts(target, null);
  }

  /** Accounts matching a {@code where} such as {@code Type=="SALES"} (null: all). */
  public List<Account> accounts(XeroTarget target, String where) {
    return listOrEmpty(get(target, "Accounts", params("where", where), null).accounts);
  }

  public List<TaxRate> taxRates(XeroTarget target) {
    return listOrEmpty(get(target, "TaxRates", Map.of(), null).taxRates);
  }

  public List<TrackingCategory> trackingCategories(XeroTarget target, boolean includeArchived) {
    return listOrEmpty(
        get(
                target,
                "TrackingCategories",
                params("includeArchived", includeArchived ? "true" : null),
                null)
            .trackingCategories);
  }

  public List<Currency> currencies(XeroTarget target) {
    return listOrEmpty(get(target, "Currencies", Map.of(), null).currencies);
  }

  // ---- contacts ---------------------------------------------------------------------------------

  /** One page (or, without a page in the query, everything) of contacts. */
  public XeroPage<Contact> contacts(XeroTarget target, XeroQuery query) {
    Map<String, String> params = listParams(query);
    params.put("IDs", csv(query.ids()));
    params.put("includeArchived", query.includeArchived() ? "true" : null);
    params.put("searchTerm", query.searchTerm());
    Envelope answer = get(target, "Contacts", params, query.modifiedSince());
    return new XeroPage<>(listOrEmpty(answer.contacts), answer.pagination);
  }

  /** Every contact matching the query, read page by page ({@code pageSize} 1000 if not given). */
  public List<Contact> allContacts(XeroTarget target, XeroQuery query) {
    return allPages(query, q -> contacts(target, q));
  }

  /** A contact by ContactID or ContactNumber. */
  public Optional<Contact> contact(XeroTarget target, String idOrNumber) {
    return one(() -> get(target, "Contacts/" + segment(idOrNumber), Map.of(), null).contacts);
  }

  // ---- documents --------------------------------------------------------------------------------

  /** Invoices by IDs, InvoiceNumbers, ContactIDs, Statuses, where, If-Modified-Since; paged. */
  public XeroPage<Invoice> invoices(XeroTarget target, XeroQuery query) {
    Map<String, String> params = documentParams(query, "InvoiceNumbers");
    Envelope answer = get(target, "Invoices", params, query.modifiedSince());
    return new XeroPage<>(listOrEmpty(answer.invoices), answer.pagination);
  }

  public List<Invoice> allInvoices(XeroTarget target, XeroQuery query) {
    return allPages(query, q -> invoices(target, q));
  }

  /** An invoice by InvoiceID (or InvoiceNumber), with its lines. */
  public Optional<Invoice> invoice(XeroTarget target, String idOrNumber) {
    return one(() -> get(target, "Invoices/" + segment(idOrNumber), Map.of(), null).invoices);
  }

  /**
   * Credit notes; IDs and CreditNoteNumbers are sent as for invoices (the sandbox honours them;
   * Xero's description lists only where, order and paging for this endpoint).
   */
  public XeroPage<CreditNote> creditNotes(XeroTarget target, XeroQuery query) {
    Map<String, String> params = documentParams(query, "CreditNoteNumbers");
    Envelope answer = get(target, "CreditNotes", params, query.modifiedSince());
    return new XeroPage<>(listOrEmpty(answer.creditNotes), answer.pagination);
  }

  public List<CreditNote> allCreditNotes(XeroTarget target, XeroQuery query) {
    return allPages(query, q -> creditNotes(target, q));
  }

  public Optional<CreditNote> creditNote(XeroTarget target, String id) {
    return one(() -> get(target, "CreditNotes/" + segment(id), Map.of(), null).creditNotes);
  }

  public XeroPage<ManualJournal> manualJournals(XeroTarget target, XeroQuery query) {
    Envelope answer = get(target, "ManualJournals", listParams(query), query.modifiedSince());
    return new XeroPage<>(listOrEmpty(answer.manualJournals), answer.pagination);
  }

  /** Every manual journal matching the query, read page by page (so with their lines). */
  public List<ManualJournal> allManualJournals(XeroTarget target, XeroQuery query) {
    return allPages(query, q -> manualJournals(target, q));
  }

  /** A manual journal by ManualJournalID, with its lines. */
  public Optional<ManualJournal> manualJournal(XeroTarget target, String id) {
    return one(() -> get(target, "ManualJournals/" + segment(id), Map.of(), null).manualJournals);
  }

  /** The Trial Balance at a date (null: today). */
  public Report trialBalance(XeroTarget target, LocalDate date) {
    List<Report> reports =
        get(
                target,
                "Reports/TrialBalance",
                params("date", date == null ? null : date.toString()),
                null)
            .reports;
    if (reports == null || reports.isEmpty()) {
      throw new XeroException.NotFound("GET Reports/TrialBalance", List.of("no report"), null);
    }
    return reports.get(0);
  }

  /**
   * The Balance Sheet for the end of the month of a date (null: today), in Xero's standard layout
   * so that a custom layout cannot hide an account; read a balance with {@link ReportBalances}.
   */
  public Report balanceSheet(XeroTarget target, LocalDate date) {
    List<Report> reports =
        get(
                target,
                "Reports/BalanceSheet",
                params("date", date == null ? null : date.toString(), "standardLayout", "true"),
                null)
            .reports;
    if (reports == null || reports.isEmpty()) {
      throw new XeroException.NotFound("GET Reports/BalanceSheet", List.of("no report"), null);
    }
    return reports.get(0);
  }

  // ---- writes -----------------------------------------------------------------------------------

  /** PUT: creates only. */
  public BatchResult<Invoice> createInvoices(XeroTarget target, List<Invoice> invoices) {
    return write(target, "PUT", INVOICES, invoices);
  }

  /** POST: creates, or updates those carrying an InvoiceID (ACCREC: or an existing number). */
  public BatchResult<Invoice> saveInvoices(XeroTarget target, List<Invoice> invoices) {
    return write(target, "POST", INVOICES, invoices);
  }

  /**
   * How a write is sent. {@code idempotencyKey}: the caller's own key (already recorded with the
   * documents it sends), used on every retry; the elements must then fit one request. Null derives
   * the key from the request's content. {@code unitdp4}: send {@code unitdp=4}, so Xero keeps unit
   * prices to 4 decimal places.
   */
  public record WriteOptions(String idempotencyKey, boolean unitdp4) {
    public static final WriteOptions DEFAULT = new WriteOptions(null, false);
  }

  public BatchResult<Invoice> createInvoices(
      XeroTarget target, List<Invoice> invoices, WriteOptions options) {
    return write(target, "PUT", INVOICES, invoices, options);
  }

  public BatchResult<Invoice> saveInvoices(
      XeroTarget target, List<Invoice> invoices, WriteOptions options) {
    return write(target, "POST", INVOICES, invoices, options);
  }

  public BatchResult<CreditNote> createCreditNotes(
      XeroTarget target, List<CreditNote> notes, WriteOptions options) {
    return write(target, "PUT", CREDIT_NOTES, notes, options);
  }

  public BatchResult<CreditNote> saveCreditNotes(
      XeroTarget target, List<CreditNote> notes, WriteOptions options) {
    return write(target, "POST", CREDIT_NOTES, notes, options);
  }

  public BatchResult<CreditNote> createCreditNotes(XeroTarget target, List<CreditNote> notes) {
    return write(target, "PUT", CREDIT_NOTES, notes);
  }

  public BatchResult<CreditNote> saveCreditNotes(XeroTarget target, List<CreditNote> notes) {
    return write(target, "POST", CREDIT_NOTES, notes);
  }

  public BatchResult<ManualJournal> createManualJournals(
      XeroTarget target, List<ManualJournal> journals) {
    return write(target, "PUT", MANUAL_JOURNALS, journals);
  }

  public BatchResult<ManualJournal> saveManualJournals(
      XeroTarget target, List<ManualJournal> journals) {
    return write(target, "POST", MANUAL_JOURNALS, journals);
  }

  public BatchResult<ManualJournal> createManualJournals(
      XeroTarget target, List<ManualJournal> journals, WriteOptions options) {
    return write(target, "PUT", MANUAL_JOURNALS, journals, options);
  }

  public BatchResult<ManualJournal> saveManualJournals(
      XeroTarget target, List<ManualJournal> journals, WriteOptions options) {
    return write(target, "POST", MANUAL_JOURNALS, journals, options);
  }

  public BatchResult<Contact> createContacts(XeroTarget target, List<Contact> contacts) {
    return write(target, "PUT", CONTACTS, contacts);
  }

  public BatchResult<Contact> saveContacts(XeroTarget target, List<Contact> contacts) {
    return write(target, "POST", CONTACTS, contacts);
  }

  public BatchResult<Payment> createPayments(XeroTarget target, List<Payment> payments) {
    return write(target, "PUT", PAYMENTS, payments);
  }

  /**
   * Sends the elements in batches of {@code batch-size}. A refused request (400 without elements)
   * marks its batch FAILED and the write goes on; an ambiguous one marks its batch AMBIGUOUS and
   * goes on; anything that stops Xero answering (limits, access, outage) marks this and the later
   * batches NOT_SENT.
   */
  private <T extends XeroElement> BatchResult<T> write(
      XeroTarget target, String method, Kind<T> kind, List<T> elements) {
    return write(target, method, kind, elements, WriteOptions.DEFAULT);
  }

  private <T extends XeroElement> BatchResult<T> write(
      XeroTarget target, String method, Kind<T> kind, List<T> elements, WriteOptions options) {
    if (options.idempotencyKey() != null && elements.size() > settings.batchSize()) {
      throw new IllegalArgumentException(
          "A write with its own Idempotency-Key must fit one request of "
              + settings.batchSize()
              + " elements");
    }
    Map<String, String> writeParams =
        options.unitdp4()
            ? params("summarizeErrors", "false", "unitdp", "4")
            : params("summarizeErrors", "false");
    List<ElementResult<T>> results = new ArrayList<>(elements.size());
    int requests = 0;
    XeroException stopped = null;
    int offset = 0;
    for (List<T> batch : Batches.split(elements, settings.batchSize())) {
      if (stopped != null) {
        addAll(results, offset, batch.size(), ElementResult.Outcome.NOT_SENT, stopped);
        offset += batch.size();
        continue;
      }
      Envelope body = new Envelope();
      kind.wrap().accept(body, batch);
      requests++;
      try {
        Envelope answer =
            send(
                target,
                method,
                kind.path(),
                writeParams,
                null,
                json.toJson(body),
                options.idempotencyKey());
        List<T> answered = listOrEmpty(kind.read().apply(answer));
        for (int i = 0; i < batch.size(); i++) {
          if (i >= answered.size()) {
            results.add(
                failedElement(
                    offset + i,
                    ElementResult.Outcome.AMBIGUOUS,
                    new XeroException.Ambiguous(
                        200,
                        method + " " + kind.path(),
                        null,
                        List.of(
                            "Xero answered "
                                + answered.size()
                                + " elements for "
                                + batch.size()
                                + " sent"),
                        null)));
            continue;
          }
          results.add(elementResult(offset + i, kind, answered.get(i)));
        }
      } catch (XeroException.Validation e) {
        addAll(results, offset, batch.size(), ElementResult.Outcome.FAILED, e);
      } catch (XeroException.Ambiguous e) {
        addAll(results, offset, batch.size(), ElementResult.Outcome.AMBIGUOUS, e);
      } catch (XeroException e) {
        stopped = e;
        addAll(results, offset, batch.size(), ElementResult.Outcome.NOT_SENT, e);
      } catch (XeroReconnectRequired e) {
        stopped =
            new XeroException.AccessDenied(
                401, method + " " + kind.path(), List.of(e.getMessage()), null);
        addAll(results, offset, batch.size(), ElementResult.Outcome.NOT_SENT, stopped);
      }
      offset += batch.size();
    }
    return new BatchResult<>(results, requests);
  }

  private static <T extends XeroElement> ElementResult<T> elementResult(
      int index, Kind<T> kind, T element) {
    String id = kind.id().apply(element);
    if (ZERO_ID.equals(id)) {
      id = null;
    }
    ElementResult.Outcome outcome;
    if (element.refused()) {
      outcome = ElementResult.Outcome.ERROR;
      id = null;
    } else if ("WARNING".equalsIgnoreCase(element.statusAttributeString)
        || !element.warningMessages().isEmpty()) {
      outcome = ElementResult.Outcome.WARNING;
    } else {
      outcome = ElementResult.Outcome.OK;
    }
    return new ElementResult<>(
        index,
        outcome,
        element,
        id,
        kind.number().apply(element),
        kind.status().apply(element),
        element.errorMessages(),
        element.warningMessages(),
        null);
  }

  private static <T extends XeroElement> ElementResult<T> failedElement(
      int index, ElementResult.Outcome outcome, XeroException failure) {
    List<String> errors =
        failure.xeroMessages().isEmpty() ? List.of(failure.getMessage()) : failure.xeroMessages();
    return new ElementResult<>(index, outcome, null, null, null, null, errors, List.of(), failure);
  }

  private static <T extends XeroElement> void addAll(
      List<ElementResult<T>> results,
      int offset,
      int count,
      ElementResult.Outcome outcome,
      XeroException failure) {
    for (int i = 0; i < count; i++) {
      results.add(failedElement(offset + i, outcome, failure));
    }
  }

  // ---- HTTP -------------------------------------------------------------------------------------

  private Envelope get(
      XeroTarget target, String path, Map<String, String> params, Instant modifiedSince) {
    return send(target, "GET", path, params, modifiedSince, null, null);
  }

  /**
   * One request, with the governor, retries, the single token renewal and error mapping; returns
   * the parsed 2xx answer.
   */
  private Envelope send(
      XeroTarget target,
      String method,
      String path,
      Map<String, String> params,
      Instant modifiedSince,
      String body,
      String givenKey) {
    String pathAndQuery = path + query(params);
    String endpoint = method + " " + endpointName(path);
    boolean write = !method.equals("GET");
    String key =
        !write
            ? null
            : givenKey != null
                ? givenKey
                : IdempotencyKeys.derive(target.tenantId(), method, pathAndQuery, body);
    URI uri = URI.create(target.apiBaseUrl() + "/" + pathAndQuery);
    XeroRateGovernor governor = governors.forTenant(target.tenantId());
    String token = target.tokens().accessToken();
    boolean renewed = false;
    boolean ambiguous = false;
    Instant firstSent = null;
    int failures = 0;
    int rateLimited = 0;
    int lastStatus = 0;
    List<String> lastMessages = List.of();
    String lastCorrelation = null;
    while (true) {
      XeroRateGovernor.Permit permit = governor.acquire(endpoint);
      if (firstSent == null) {
        firstSent = permit.sentAt();
      }
      Invocation.Builder request =
          http.target(uri)
              .request()
              .header("Accept", JSON)
              .header("Authorization", "Bearer " + token)
              .header("xero-tenant-id", target.tenantId());
      if (key != null) {
        request.header("Idempotency-Key", key);
      }
      if (modifiedSince != null) {
        request.header("If-Modified-Since", ifModifiedSince(modifiedSince));
      }
      int status;
      String text;
      Envelope parsed = null;
      Response response = null;
      try {
        response =
            body == null
                ? request.method(method)
                : request.method(method, Entity.entity(body, JSON));
        status = response.getStatus();
        text = readWhole(response);
        if (status >= 200 && status < 300) {
          parsed = parse(text);
        }
      } catch (ProcessingException e) {
        boolean sent = !neverConnected(e);
        Integer[] budget = response == null ? new Integer[3] : budget(response);
        if (response != null) {
          governor.onAnswer(permit, 0, budget[0], budget[1], budget[2], null, null);
        } else {
          governor.onNoAnswer(permit);
        }
        usage.record(
            target.tenantId(), endpoint, 0, budget[0], budget[1], budget[2], clock.instant());
        ambiguous |= write && sent;
        lastStatus = 0;
        lastMessages = List.of(describe(e));
        LOG.log(
            Level.WARNING,
            "Xero {0} for tenant {1}: no answer ({2}), attempt {3}",
            new Object[] {endpoint, target.tenantId(), lastMessages.get(0), failures + 1});
        if (++failures > settings.maxRetries() || pastHorizon(ambiguous, firstSent)) {
          throw giveUp(endpoint, key, ambiguous, lastStatus, lastMessages, lastCorrelation);
        }
        usage.recordRetry(target.tenantId());
        sleep(backoff(failures));
        continue;
      } catch (RuntimeException e) {
        // Not an I/O failure (e.g. the client was closed): give the permit back all the same.
        governor.onNoAnswer(permit);
        throw e;
      } finally {
        if (response != null) {
          response.close();
        }
      }
      Integer[] budget = budget(response);
      String problem = response.getHeaderString("X-Rate-Limit-Problem");
      Duration retryAfter = retryAfter(response.getHeaderString("Retry-After"));
      String correlation = response.getHeaderString("Xero-Correlation-Id");
      governor.onAnswer(permit, status, budget[0], budget[1], budget[2], problem, retryAfter);
      usage.record(
          target.tenantId(), endpoint, status, budget[0], budget[1], budget[2], clock.instant());
      notify(method, uri, key, modifiedSince, body, status, response, text);
      if (status >= 200 && status < 300) {
        return parsed;
      }
      if (status == 401 && !renewed) {
        renewed = true;
        LOG.log(
            Level.INFO,
            "Xero {0} for tenant {1}: 401, renewing the token once",
            new Object[] {endpoint, target.tenantId()});
        token = target.tokens().renewAfterUnauthorized(token);
        usage.recordRetry(target.tenantId());
        continue;
      }
      if (status == 429) {
        usage.recordRateLimited(target.tenantId(), problem);
        if ("day".equalsIgnoreCase(problem)) {
          throw new XeroException.DailyLimitReached(
              endpoint, retryAfter, "Xero answered 429 day", correlation);
        }
        if (++rateLimited > settings.maxRateLimitWaits() || pastHorizon(ambiguous, firstSent)) {
          if (ambiguous) {
            throw giveUp(endpoint, key, true, status, List.of("429 " + problem), correlation);
          }
          throw new XeroException.RateLimited(
              endpoint,
              problem,
              retryAfter,
              endpoint + ": Xero's " + problem + " limit was hit " + rateLimited + " times",
              correlation);
        }
        usage.recordRetry(target.tenantId());
        continue; // the governor holds the next attempt back until Retry-After
      }
      if (status >= 500 || XeroErrors.notXerosAnswer(status, text)) {
        ambiguous |= write;
        lastStatus = status;
        lastMessages = XeroErrors.messages(text);
        lastCorrelation = correlation;
        LOG.log(
            Level.WARNING,
            "Xero {0} for tenant {1}: {2} (correlation {3}), attempt {4}",
            new Object[] {endpoint, target.tenantId(), status, correlation, failures + 1});
        if (++failures > settings.maxRetries() || pastHorizon(ambiguous, firstSent)) {
          throw giveUp(endpoint, key, ambiguous, lastStatus, lastMessages, lastCorrelation);
        }
        usage.recordRetry(target.tenantId());
        sleep(backoff(failures));
        continue;
      }
      throw XeroErrors.toException(status, endpoint, text, correlation);
    }
  }

  /**
   * The whole body, or a ProcessingException when the connection ended before the promised
   * Content-Length (a dropped connection: the request may well have taken effect).
   */
  private static String readWhole(Response response) {
    if (!response.hasEntity()) {
      return "";
    }
    byte[] bytes = response.readEntity(byte[].class);
    Integer promised = integer(response.getHeaderString("Content-Length"));
    if (promised != null && bytes.length < promised) {
      throw new ProcessingException(
          "the answer was cut short: " + bytes.length + " of " + promised + " bytes");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** A 2xx body; one that does not parse was cut short or garbled on the way: no answer. */
  private Envelope parse(String text) {
    if (text.isBlank()) {
      return new Envelope();
    }
    try {
      return json.fromJson(text, Envelope.class);
    } catch (RuntimeException e) {
      throw new ProcessingException("the answer is not Xero JSON: " + e.getMessage(), e);
    }
  }

  private static XeroException giveUp(
      String endpoint,
      String key,
      boolean ambiguous,
      int status,
      List<String> messages,
      String correlation) {
    return ambiguous
        ? new XeroException.Ambiguous(status, endpoint, key, messages, correlation)
        : new XeroException.Unavailable(status, endpoint, messages, correlation);
  }

  /** Retrying after Xero may have forgotten the key would risk a duplicate: reconcile instead. */
  private boolean pastHorizon(boolean ambiguous, Instant firstSent) {
    return ambiguous
        && firstSent != null
        && Duration.between(firstSent, clock.instant()).compareTo(IDEMPOTENCY_HORIZON) > 0;
  }

  /** Whether the request certainly never reached Xero (no connection was made). */
  static boolean neverConnected(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof NoRouteToHostException
          || t instanceof UnknownHostException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }

  /** Exponential back-off with full jitter: a random wait up to base × 2^(n-1), capped. */
  Duration backoff(int failures) {
    long cap = settings.retryMaxDelay().toMillis();
    long ceiling =
        Math.min(cap, settings.retryBaseDelay().toMillis() << Math.min(failures - 1, 20));
    long floor = ceiling / 2;
    return Duration.ofMillis(floor + ThreadLocalRandom.current().nextLong(ceiling - floor + 1));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new XeroException.Unavailable(0, "retry", List.of("interrupted"), null);
    }
  }

  private static Integer[] budget(Response response) {
    return new Integer[] {
      integer(response.getHeaderString("X-MinLimit-Remaining")),
      integer(response.getHeaderString("X-DayLimit-Remaining")),
      integer(response.getHeaderString("X-AppMinLimit-Remaining"))
    };
  }

  private static Integer integer(String text) {
    try {
      return text == null ? null : Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * UTC to the second with a {@code Z}: Xero reads UTC {@code yyyy-MM-ddTHH:mm:ss}, and its
   * description asks for an RFC 3339 date-time, which needs the offset.
   */
  static String ifModifiedSince(Instant since) {
    return since.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static Duration retryAfter(String text) {
    Integer seconds = integer(text);
    return seconds == null ? null : Duration.ofSeconds(Math.max(0, seconds));
  }

  private void notify(
      String method,
      URI uri,
      String key,
      Instant modifiedSince,
      String body,
      int status,
      Response response,
      String text) {
    Consumer<Exchange> listener = exchangeListener;
    if (listener == null) {
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", JSON);
    headers.put("Authorization", "Bearer (left out)");
    if (body != null) {
      headers.put("Content-Type", JSON);
    }
    if (key != null) {
      headers.put("Idempotency-Key", key);
    }
    if (modifiedSince != null) {
      headers.put("If-Modified-Since", ifModifiedSince(modifiedSince));
    }
    String contentType = response.getHeaderString("Content-Type");
    listener.accept(new Exchange(method, uri, headers, body, status, contentType, text));
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private <T> Optional<T> one(java.util.function.Supplier<List<T>> read) {
    try {
      List<T> found = read.get();
      return found == null || found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    } catch (XeroException.NotFound e) {
      return Optional.empty();
    }
  }

  private static <T> List<T> allPages(XeroQuery query, Function<XeroQuery, XeroPage<T>> read) {
    int size = query.pageSize() == null ? 1000 : query.pageSize();
    int page = query.page() == null ? 1 : query.page();
    List<T> all = new ArrayList<>();
    while (true) {
      XeroPage<T> answer = read.apply(query.withPage(page, size));
      all.addAll(answer.items());
      if (!answer.hasMore() || answer.items().isEmpty()) {
        return all;
      }
      page++;
    }
  }

  private static Map<String, String> listParams(XeroQuery query) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("where", query.where());
    params.put("order", query.order());
    params.put("page", query.page() == null ? null : query.page().toString());
    params.put("pageSize", query.pageSize() == null ? null : query.pageSize().toString());
    return params;
  }

  private static Map<String, String> documentParams(XeroQuery query, String numbersName) {
    Map<String, String> params = listParams(query);
    params.put("IDs", csv(query.ids()));
    params.put(numbersName, csv(query.numbers()));
    params.put("ContactIDs", csv(query.contactIds()));
    params.put("Statuses", csv(query.statuses()));
    params.put("searchTerm", query.searchTerm());
    return params;
  }

  private static Map<String, String> params(String... nameValues) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      params.put(nameValues[i], nameValues[i + 1]);
    }
    return params;
  }

  private static String csv(List<String> values) {
    return values.isEmpty() ? null : String.join(",", values);
  }

  static String query(Map<String, String> params) {
    StringBuilder query = new StringBuilder();
    params.forEach(
        (name, value) -> {
          if (value != null && !value.isEmpty()) {
            query.append(query.length() == 0 ? '?' : '&').append(name).append('=');
            query.append(encode(value));
          }
        });
    return query.toString();
  }

  private static String segment(String value) {
    return encode(value);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code Invoices}, {@code Invoices/{id}}, {@code Reports/TrialBalance}: ids left out. */
  static String endpointName(String path) {
    String[] parts = path.split("/");
    if (parts.length == 1) {
      return parts[0];
    }
    if (parts[0].equals("Reports")) {
      return path;
    }
    return parts[0] + "/{id}";
  }

  private static <T> List<T> listOrEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
