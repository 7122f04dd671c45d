package io.ledgerbridge.intake.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stock valuation sent by the inventory system, identified by its source id and holding its
 * latest version. Like {@link SourceTransaction} it guards the version rule: an older or equal
 * version never replaces a newer one, so the sender's retries are safe.
 */
@Entity
@Table(name = "stock_valuation")
public class StockValuation {

  @Id
  @SequenceGenerator(
      name = "stock_valuation_seq",
      sequenceName = "stock_valuation_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "stock_valuation_seq")
  private Long id;

  @Column(name = "source_id", nullable = false, length = 100)
  private String sourceId;

  @Column(name = "source_version", nullable = false)
  private long sourceVersion;

  @Column(name = "as_at", nullable = false)
  private LocalDate asAt;

  @Column(length = 3)
  private String currency;

  @Column(length = 50)
  private String method;

  @Column(nullable = false, precision = 19, scale = 6)
  private BigDecimal total;

  @Column(name = "in_transit", precision = 19, scale = 6)
  private BigDecimal inTransit;

  @Column(name = "received_not_billed", precision = 19, scale = 6)
  private BigDecimal receivedNotBilled;

  @Column(name = "billed_not_received", precision = 19, scale = 6)
  private BigDecimal billedNotReceived;

  /** When the stored version arrived: of two valuations for one day, the later one counts. */
  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "received_by", nullable = false, length = 100)
  private String receivedBy;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  @ElementCollection
  @CollectionTable(
      name = "stock_valuation_location",
      joinColumns = @JoinColumn(name = "valuation_id"))
  @MapKeyColumn(name = "location", length = 100)
  @Column(name = "location_value", nullable = false, precision = 19, scale = 6)
  private Map<String, BigDecimal> locations = new HashMap<>();

  protected StockValuation() {}

  public static StockValuation receive(
      String sourceId, long version, StockValuationContent content, String sender, Instant now) {
    StockValuation valuation = new StockValuation();
    valuation.sourceId = sourceId;
    valuation.replace(version, content, sender, now);
    return valuation;
  }

  /**
   * Applies a version sent by the inventory system; true if it replaced the stored one. Versions at
   * or below the stored one are ignored.
   */
  public boolean receiveVersion(
      long version, StockValuationContent content, String sender, Instant now) {
    if (version <= sourceVersion) {
      return false;
    }
    replace(version, content, sender, now);
    return true;
  }

  private void replace(long version, StockValuationContent content, String sender, Instant now) {
    sourceVersion = version;
    asAt = content.asAt();
    currency = content.currency();
    method = content.method();
    total = content.total();
    inTransit = content.inTransit();
    receivedNotBilled = content.receivedNotBilled();
    billedNotReceived = content.billedNotReceived();
    receivedAt = now;
    receivedBy = sender == null || sender.length() <= 100 ? sender : sender.substring(0, 100);
    // Only what changed is written: a location kept keeps its row.
    locations.keySet().retainAll(content.locations().keySet());
    locations.putAll(content.locations());
  }

  public Long getId() {
    return id;
  }

  public String getSourceId() {
    return sourceId;
  }

  public long getSourceVersion() {
    return sourceVersion;
  }

  public LocalDate getAsAt() {
    return asAt;
  }

  public String getCurrency() {
    return currency;
  }

  public String getMethod() {
    return method;
  }

  public BigDecimal getTotal() {
    return total;
  }

  public BigDecimal getInTransit() {
    return inTransit;
  }

  public BigDecimal getReceivedNotBilled() {
    return receivedNotBilled;
  }

  public BigDecimal getBilledNotReceived() {
    return billedNotReceived;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public String getReceivedBy() {
    return receivedBy;
  }

  /** The value at each location, in location order. */
  public Map<String, BigDecimal> getLocations() {
    return Collections.unmodifiableMap(new TreeMap<>(locations));
  }
}
