package io.ledgerbridge.xero.client;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Filters of a list read (xero-api.md §16), built from {@link #all()} with the {@code with…}
 * methods. Prefer the list parameters ({@code ids}, {@code numbers}, {@code statuses}, {@code
 * contactIds}) to {@code where}: Xero optimises them.
 *
 * @param modifiedSince sent as {@code If-Modified-Since}: only records changed after it
 * @param numbers InvoiceNumbers (invoices) or CreditNoteNumbers (credit notes)
 * @param page 1-based; null reads everything unpaged (where Xero allows it)
 * @param pageSize 1–1000 (Xero's default is 100)
 */
public record XeroQuery(
    Instant modifiedSince,
    String where,
    String order,
    List<String> ids,
    List<String> numbers,
    List<String> contactIds,
    List<String> statuses,
    boolean includeArchived,
    String searchTerm,
    Integer page,
    Integer pageSize) {

  public XeroQuery {
    ids = ids == null ? List.of() : List.copyOf(ids);
    numbers = numbers == null ? List.of() : List.copyOf(numbers);
    contactIds = contactIds == null ? List.of() : List.copyOf(contactIds);
    statuses = statuses == null ? List.of() : List.copyOf(statuses);
  }

  public static XeroQuery all() {
    return new XeroQuery(
        null, null, null, List.of(), List.of(), List.of(), List.of(), false, null, null, null);
  }

  public XeroQuery withModifiedSince(Instant since) {
    return new XeroQuery(
        since,
        where,
        order,
        ids,
        numbers,
        contactIds,
        statuses,
        includeArchived,
        searchTerm,
        page,
        pageSize);
  }

  public XeroQuery withWhere(String where) {
    return new XeroQuery(
        modifiedSince,
        where,
        order,
        ids,
        numbers,
        contactIds,
        statuses,
        includeArchived,
        searchTerm,
        page,
        pageSize);
  }

  public XeroQuery withOrder(String order) {
    return new XeroQuery(
        modifiedSince,
        where,
        order,
        ids,
        numbers,
        contactIds,
        statuses,
        includeArchived,
        searchTerm,
        page,
        pageSize);
  }

  public XeroQuery withIds(Collection<String> ids) {
    return new XeroQuery(
        modifiedSince,
        where,
        order,
        List.copyOf(ids),
        numbers,
        contactIds,
        statuses,
        includeArchived,
        searchTerm,
        page,
        pageSize);
  }

  public XeroQuery withNumbers(Collection<String> numbers) {
    return new XeroQuery(
        modifiedSince,
        where,
        order,
        ids,
        List.copyOf(numbers),
        contactIds,
        statuses,
        includeArchived,
        searchTerm,
        page,
        pageSize);
  }

  public XeroQuery withContactIds(Collection<String> contactIds) {
    return new XeroQuery(
        modifiedSince,
        where,
        order,
        ids,
        numbers,
        List.copyOf(contactIds),
        statuses,
        includeArchived,
        searchTerm,
        page,
        pageSize);
  }

  public XeroQuery withStatuses(Collection<String> statuses) {
    return new XeroQuery(
        modifiedSince,
        where,
        order,
        ids,
        numbers,
        contactIds,
        List.copyOf(statuses),
        includeArchived,
        searchTerm,
        page,
        pageSize);
  }

  public XeroQuery withIncludeArchived(boolean includeArchived) {
    return new XeroQuery(
        modifiedSince,
        where,
        order,
        ids,
        numbers,
        contactIds,
        statuses,
        includeArchived,
        searchTerm,
        page,
        pageSize);
  }

  public XeroQuery withSearchTerm(String searchTerm) {
    return new XeroQuery(
        modifiedSince,
        where,
        order,
        ids,
        numbers,
        contactIds,
        statuses,
        includeArchived,
        searchTerm,
        page,
        pageSize);
  }

  public XeroQuery withPage(int page, int pageSize) {
    return new XeroQuery(
        modifiedSince,
        where,
        order,
        ids,
        numbers,
        contactIds,
        statuses,
        includeArchived,
        searchTerm,
        page,
        pageSize);
  }
}
