package io.ledgerbridge.platform;

import java.util.Locale;
import java.util.Optional;

/**
 * Which characters LedgerBridge stores in text it receives: intake (JSON and CSV), settings, and
 * anything else a user or another system names. Whole Unicode characters only, and nothing a reader
 * cannot see: control characters, bidirectional overrides and isolates (which can make "Acme ‮Ltd"
 * display reversed), zero-width spaces and marks, word joiners, byte-order marks, line and
 * paragraph separators, soft hyphens, interlinear annotations, tag characters and non-characters.
 * Names and numbers that look alike but differ by an invisible character would otherwise match
 * different Xero contacts or pass as duplicates. The zero-width joiner and non-joiner stay allowed:
 * emoji and several scripts (Persian, the Indic scripts) need them. Long text (descriptions) may
 * also hold line breaks and tabs.
 */
public final class TextRules {

  private TextRules() {}

  /** Why the text cannot be stored, or empty. */
  public static Optional<String> problem(String text, boolean lineBreaksAllowed) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        int codePoint = text.codePointAt(i);
        i++;
        if (isInvisible(codePoint)) {
          return Optional.of(invisible(codePoint));
        }
        continue;
      }
      if (Character.isSurrogate(c)) {
        return Optional.of("contains a broken Unicode character (an unpaired surrogate)");
      }
      if (lineBreaksAllowed && (c == '\n' || c == '\r' || c == '\t')) {
        continue;
      }
      if (isInvisible(c)) {
        return Optional.of(invisible(c));
      }
    }
    return Optional.empty();
  }

  /**
   * An enum-like word (a kind, a state, a sort) in upper case without surrounding spaces, or empty
   * when it holds a control or invisible character: those are refused, never trimmed away, so that
   * {@code "SALE\u0000"} or {@code "SALE\n"} is not taken for {@code SALE}. Only plain spaces
   * (U+0020) around the word are forgiven.
   */
  public static Optional<String> token(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String word = text.replaceAll("^ +| +$", "");
    return problem(word, false).isPresent()
        ? Optional.empty()
        : Optional.of(word.toUpperCase(Locale.ROOT));
  }

  /** Characters refused in stored text (line breaks and tabs are decided by the caller). */
  public static boolean isInvisible(int c) {
    return Character.isISOControl(c)
        || c == 0x00AD // soft hyphen
        || c == 0x061C // Arabic letter mark
        || c == 0x180E // Mongolian vowel separator
        || c == 0x200B // zero-width space
        || c == 0x200E // left-to-right mark
        || c == 0x200F // right-to-left mark
        || c == 0x2028 // line separator
        || c == 0x2029 // paragraph separator
        || (c >= 0x202A && c <= 0x202E) // bidirectional embeddings and overrides
        || (c >= 0x2060 && c <= 0x2064) // word joiner, invisible operators
        || (c >= 0x2066 && c <= 0x206F) // bidirectional isolates, deprecated format characters
        || c == 0xFEFF // byte-order mark, zero-width no-break space
        || (c >= 0xFFF9 && c <= 0xFFFB) // interlinear annotation
        || (c >= 0xE0000 && c <= 0xE007F) // tag characters
        || (c & 0xFFFE) == 0xFFFE; // non-characters U+xFFFE and U+xFFFF
  }

  /** The text with anything refused here written as \\uXXXX, safe to echo in an error message. */
  public static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isSurrogate((char) c) && c <= 0xFFFF || isInvisible(c)) {
        out.append(String.format(c > 0xFFFF ? "\\U%06x" : "\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    }
    return out.toString();
  }

  private static String invisible(int c) {
    return "contains an invisible or control character (U+" + String.format("%04X", c) + ")";
  }
}
