package io.ledgerbridge.intake.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one version of a stock valuation says: the value of the stock on hand at the end of {@code
 * asAt}, by location, in transit, and the goods received but not billed and billed but not
 * received. Amounts are in base currency, up to 6 decimal places; {@code locations} keep the order
 * sent.
 */
public record StockValuationContent(
    LocalDate asAt,
    String currency,
    String method,
    BigDecimal total,
    BigDecimal inTransit,
    BigDecimal receivedNotBilled,
    BigDecimal billedNotReceived,
    Map<String, BigDecimal> locations) {

  public StockValuationContent {
    locations = Collections.unmodifiableMap(new LinkedHashMap<>(locations));
  }
}
