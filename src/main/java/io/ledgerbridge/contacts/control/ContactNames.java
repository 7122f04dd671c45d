package io.ledgerbridge.contacts.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Name normalisation for matching: case, accents, punctuation, whitespace and trailing company
 * suffixes. "Harbour Café Ltd", "HARBOUR CAFE LIMITED" and "Harbour Cafe" all become "harbour
 * cafe".
 */
public final class ContactNames {

  /** Legal-form words dropped from the end of a name ("Co., Ltd", "Pty Ltd", "NZ Limited"). */
  static final Set<String> SUFFIXES =
      Set.of(
          "ltd",
          "limited",
          "pty",
          "proprietary",
          "inc",
          "incorporated",
          "llc",
          "llp",
          "lp",
          "co",
          "company",
          "corp",
          "corporation",
          "plc",
          "gmbh",
          "ag",
          "bv",
          "nv",
          "srl",
          "sarl",
          "sa",
          "pte",
          "oy",
          "ab",
          "as",
          "kk",
          "spa");

  /** Country words dropped only when they stand before a legal form ("Acme NZ Ltd"). */
  static final Set<String> COUNTRY_BEFORE_SUFFIX = Set.of("nz", "au", "aust", "uk", "usa", "us");

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern APOSTROPHES = Pattern.compile("['’`´]");
  private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

  private ContactNames() {}

  /** The name as matching compares it; empty for a blank name. */
  public static String normalise(String name) {
    List<String> tokens = tokens(name);
    List<String> kept = new ArrayList<>(tokens);
    boolean stripped = false;
    while (kept.size() > 1) {
      String last = kept.get(kept.size() - 1);
      if (SUFFIXES.contains(last)) {
        kept.remove(kept.size() - 1);
        stripped = true;
      } else if (stripped && (last.equals("and") || COUNTRY_BEFORE_SUFFIX.contains(last))) {
        kept.remove(kept.size() - 1);
      } else {
        break;
      }
    }
    return String.join(" ", kept);
  }

  /** Lower-case, accent-free words of the name, with "&" as "and" and "mt" as "mount". */
  static List<String> tokens(String name) {
    if (name == null || name.isBlank()) {
      return List.of();
    }
    String text = Normalizer.normalize(name, Normalizer.Form.NFD);
    text = MARKS.matcher(text).replaceAll("");
    text = text.toLowerCase(Locale.ROOT);
    text =
        text.replace("ß", "ss")
            .replace("æ", "ae")
            .replace("ø", "o")
            .replace("œ", "oe")
            .replace("ł", "l")
            .replace("đ", "d")
            .replace("&", " and ")
            .replace("+", " and ");
    text = APOSTROPHES.matcher(text).replaceAll("");
    text = NON_ALNUM.matcher(text).replaceAll(" ").trim();
    if (text.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(text.split(" ")).map(t -> t.equals("mt") ? "mount" : t).toList();
  }

  /** The e-mail address as compared: trimmed, lower case; empty when there is none. */
  public static String email(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }

  /** The domain of an e-mail address, or empty. */
  static String domain(String email) {
    String e = email(email);
    int at = e.lastIndexOf('@');
    return at < 0 ? "" : e.substring(at + 1);
  }
}
