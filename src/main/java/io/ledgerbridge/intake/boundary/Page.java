package io.ledgerbridge.intake.boundary;

import java.util.List;

/** One page of a list, 1-based, with the total count of matching rows. */
public record Page<T>(List<T> items, int page, int size, long total) {

  public int pageCount() {
    return (int) Math.max(1, (total + size - 1) / size);
  }
}
