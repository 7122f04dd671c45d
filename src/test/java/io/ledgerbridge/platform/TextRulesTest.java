package io.ledgerbridge.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which characters LedgerBridge refuses in text it receives, wherever it comes from. */
class TextRulesTest {

  @ParameterizedTest
  @ValueSource(
      ints = {
        0x0000, 0x0007, 0x000A, 0x007F, 0x0085, 0x00AD, 0x061C, 0x180E, 0x200B, 0x200E, 0x200F,
        0x2028, 0x2029, 0x202A, 0x202E, 0x2060, 0x2064, 0x2066, 0x2069, 0xFEFF, 0xFFF9, 0xFFFE,
        0xFFFF, 0xE0001, 0xE007F, 0x1FFFE
      })
  void invisibleAndControlCharactersAreRefusedAndNamed(int c) {
    Optional<String> problem = TextRules.problem("Acme" + Character.toString(c) + "Ltd", false);

    assertEquals(
        Optional.of(
            "contains an invisible or control character (U+" + String.format("%04X", c) + ")"),
        problem);
    assertTrue(TextRules.token("SA" + Character.toString(c) + "LE").isEmpty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Café Zoë — 東京",
        "\uD83D\uDE00 grinning",
        "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
        "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645",
        "=SUM(A1:A9)",
        "@cmd",
        "O'Brien & Sons <Ltd>"
      })
  void visibleTextIsKeptAsSent(String text) {
    assertEquals(Optional.empty(), TextRules.problem(text, false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Acme \uD800", "\uDC00Acme", "Ac\uD83Dme"})
  void loneSurrogatesAreBrokenUnicode(String text) {
    assertEquals(
        Optional.of("contains a broken Unicode character (an unpaired surrogate)"),
        TextRules.problem(text, false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"line one\nline two", "a\r\nb", "col\tcol"})
  void lineBreaksAndTabsOnlyInLongText(String text) {
    assertEquals(Optional.empty(), TextRules.problem(text, true));
    assertTrue(TextRules.problem(text, false).isPresent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sale", " Sale ", "SALE"})
  void tokensAreUpperCasedWithoutSurroundingSpaces(String text) {
    assertEquals(Optional.of("SALE"), TextRules.token(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SALE\u0000",
        "\u0000SALE",
        "SA\u200BLE",
        "\uFEFFSALE",
        "SALE\n",
        "\tSALE",
        "SALE\r"
      })
  void aTokenWithAControlOrInvisibleCharacterIsNoToken(String text) {
    assertEquals(Optional.empty(), TextRules.token(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Acme\u202ELtd", "A\u0000B", "x\uD800"})
  void printableEscapesWhatIsRefused(String text) {
    String printable = TextRules.printable(text);

    assertTrue(printable.contains("\\u"), printable);
    assertEquals(Optional.empty(), TextRules.problem(printable, false), printable);
  }
}
