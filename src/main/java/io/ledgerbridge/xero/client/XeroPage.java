package io.ledgerbridge.xero.client;

import io.ledgerbridge.xero.client.wire.Pagination;
import java.util.List;

/** One page of a list, with Xero's {@code pagination} when Xero paged the answer (else null). */
public record XeroPage<T>(List<T> items, Pagination pagination) {

  /** Whether a later page may hold more: Xero paged the answer and this was not its last page. */
  public boolean hasMore() {
    if (pagination == null || pagination.page == null) {
      return false;
    }
    if (pagination.pageCount != null) {
      return pagination.page < pagination.pageCount;
    }
    return !items.isEmpty();
  }
}
