package io.ledgerbridge.intake.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stored stock valuation as other components read it: amounts in base currency as sent (up to 6
 * decimal places), {@code inTransit} null when not sent, {@code locations} in location order and
 * unmodifiable (empty when the valuation was not broken down by location).
 */
public record StockValuationView(
    String sourceId,
    long version,
    LocalDate asAt,
    String currency,
    String method,
    BigDecimal total,
    BigDecimal inTransit,
    Map<String, BigDecimal> locations) {

  public StockValuationView {
    locations = Collections.unmodifiableMap(new LinkedHashMap<>(locations));
  }
}
