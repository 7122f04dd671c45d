package io.ledgerbridge.contacts.control;

/**
 * One reason a Xero contact is a candidate.
 *
 * @param score how strongly it speaks for the candidate, 0–1 (for similar names: weight ×
 *     similarity)
 * @param similarity the name similarity for {@link Rule#SIMILAR_NAME}, otherwise 1
 */
public record Evidence(Rule rule, double score, double similarity) {

  public static Evidence of(Rule rule) {
    return new Evidence(rule, rule.weight(), 1);
  }

  public String describe() {
    return rule == Rule.SIMILAR_NAME
        ? rule.description() + String.format(" (similarity %.2f)", similarity)
        : rule.description();
  }
}
