package io.ledgerbridge.settings.entity;

import java.util.List;

/**
 * Document numbers and references: prefixes put before the source number, and reference templates
 * with placeholders such as {@code {number}} and {@code {reference}}.
 */
public record Numbering(
    String invoicePrefix,
    String creditNotePrefix,
    String salesReference,
    String purchaseReference) {

  public static final List<String> PLACEHOLDERS =
      List.of("{number}", "{reference}", "{sourceId}", "{contactCode}", "{branch}", "{channel}");

  public static final Numbering DEFAULT = new Numbering("", "", "{reference}", "{reference}");

  /** Fills a template with the source transaction's values (missing values become empty). */
  public static String fill(
      String template,
      String number,
      String reference,
      String sourceId,
      String contactCode,
      String branch,
      String channel) {
    if (template == null) {
      return null;
    }
    String out =
        template
            .replace("{number}", nz(number))
            .replace("{reference}", nz(reference))
            .replace("{sourceId}", nz(sourceId))
            .replace("{contactCode}", nz(contactCode))
            .replace("{branch}", nz(branch))
            .replace("{channel}", nz(channel))
            .trim();
    return out.isEmpty() ? null : out;
  }

  private static String nz(String text) {
    return text == null ? "" : text;
  }
}
