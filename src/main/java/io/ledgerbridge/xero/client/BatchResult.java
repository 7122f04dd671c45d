package io.ledgerbridge.xero.client;

import io.ledgerbridge.xero.client.wire.XeroElement;
import java.util.List;

/** The result of a write: one {@link ElementResult} per element, in the caller's order. */
public record BatchResult<T extends XeroElement>(List<ElementResult<T>> elements, int requests) {

  public BatchResult {
    elements = List.copyOf(elements);
  }

  public List<ElementResult<T>> with(ElementResult.Outcome outcome) {
    return elements.stream().filter(e -> e.outcome() == outcome).toList();
  }

  public long saved() {
    return elements.stream().filter(ElementResult::saved).count();
  }

  /** Whether every element was saved. */
  public boolean allSaved() {
    return saved() == elements.size();
  }

  public ElementResult<T> get(int index) {
    return elements.get(index);
  }
}
