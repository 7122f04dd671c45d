package io.ledgerbridge.settings.entity;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One Xero tracking category fed from a source field: source value → Xero option name. A value
 * without a mapping leaves the line untracked for this category.
 */
public record TrackingMapping(
    String category, SourceField sourceField, Map<String, String> options) {

  public TrackingMapping {
    options = Collections.unmodifiableMap(new TreeMap<>(options == null ? Map.of() : options));
  }

  public Optional<String> optionFor(String sourceValue) {
    return sourceValue == null ? Optional.empty() : Optional.ofNullable(options.get(sourceValue));
  }
}
