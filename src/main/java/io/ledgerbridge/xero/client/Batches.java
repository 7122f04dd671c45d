package io.ledgerbridge.xero.client;

import java.util.ArrayList;
import java.util.List;

/** Splits a write into Xero-sized batches, keeping the caller's order. */
public final class Batches {

  private Batches() {}

  public static <T> List<List<T>> split(List<T> items, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("batch size must be at least 1");
    }
    List<List<T>> batches = new ArrayList<>();
    for (int from = 0; from < items.size(); from += size) {
      batches.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
    }
    return batches;
  }
}
