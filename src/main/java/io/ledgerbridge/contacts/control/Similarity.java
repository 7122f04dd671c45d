package io.ledgerbridge.contacts.control;

import java.util.Arrays;

/**
 * How alike two normalised names are, from 0 to 1: the better of Jaro-Winkler on the names as
 * written and on their words sorted, so that typos ("PonsonbY Prnit") and reordered words ("Jan van
 * der Berg" / "van der Berg Jan") both score high. Jaro-Winkler favours a shared start, which is
 * where business names agree most.
 */
public final class Similarity {

  private Similarity() {}

  public static double score(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    return Math.max(jaroWinkler(a, b), jaroWinkler(sorted(a), sorted(b)));
  }

  private static String sorted(String text) {
    String[] words = text.split(" ");
    Arrays.sort(words);
    return String.join(" ", words);
  }

  static double jaroWinkler(String a, String b) {
    double jaro = jaro(a, b);
    int prefix = 0;
    for (int i = 0; i < Math.min(4, Math.min(a.length(), b.length())); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        break;
      }
      prefix++;
    }
    return jaro + prefix * 0.1 * (1 - jaro);
  }

  static double jaro(String a, String b) {
    if (a.equals(b)) {
      return 1;
    }
    int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
    boolean[] aMatched = new boolean[a.length()];
    boolean[] bMatched = new boolean[b.length()];
    int matches = 0;
    for (int i = 0; i < a.length(); i++) {
      int from = Math.max(0, i - window);
      int to = Math.min(b.length() - 1, i + window);
      for (int j = from; j <= to; j++) {
        if (!bMatched[j] && a.charAt(i) == b.charAt(j)) {
          aMatched[i] = true;
          bMatched[j] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0;
    }
    int transpositions = 0;
    int k = 0;
    for (int i = 0; i < a.length(); i++) {
      if (aMatched[i]) {
        while (!bMatched[k]) {
          k++;
        }
        if (a.charAt(i) != b.charAt(k)) {
          transpositions++;
        }
        k++;
      }
    }
    double m = matches;
    return (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3.0;
  }
}
