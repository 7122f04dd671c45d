package io.ledgerbridge.platform.audit;

import java.util.List;

/** One page of audit entries, newest first, 1-based, with the total count of matching entries. */
public record AuditResults(List<AuditEntry> items, int page, int size, long total) {

  public int pageCount() {
    return (int) Math.max(1, (total + size - 1) / size);
  }
}
