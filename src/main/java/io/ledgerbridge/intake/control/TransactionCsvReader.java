package io.ledgerbridge.intake.control;

import io.ledgerbridge.intake.entity.Address;
import io.ledgerbridge.intake.entity.Contact;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.intake.entity.Line;
import io.ledgerbridge.intake.entity.TransactionContent;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the CSV export format (docs/api.md, "CSV upload"): one row per line, the transaction's own
 * fields repeated on each of its rows. Rows are grouped by kind and source id; each group becomes
 * one {@link IncomingTransaction}, and every error points back to the row and column it came from.
 */
public final class TransactionCsvReader {

  /** The columns, in the documented order. Names are matched case-insensitively. */
  public static final List<String> COLUMNS =
      List.of(
          "kind",
          "sourceId",
          "version",
          "number",
          "reference",
          "contactCode",
          "contactName",
          "contactEmail",
          "contactPhone",
          "contactTaxNumber",
          "addressLine1",
          "addressLine2",
          "city",
          "region",
          "postalCode",
          "country",
          "date",
          "dueDate",
          "dispatchDate",
          "currency",
          "currencyRate",
          "branch",
          "channel",
          "paymentMethod",
          "pricesIncludeTax",
          "total",
          "voided",
          "adjustmentType",
          "reason",
          "location",
          "fromLocation",
          "toLocation",
          "sku",
          "description",
          "quantity",
          "unitPrice",
          "discountPercent",
          "taxCode",
          "accountCode",
          "unitCost",
          "costAmount",
          "restock");

  private static final List<String> LINE_COLUMNS =
      List.of(
          "sku",
          "description",
          "quantity",
          "unitPrice",
          "discountPercent",
          "taxCode",
          "accountCode",
          "unitCost",
          "costAmount",
          "restock");
  private static final List<String> REQUIRED = List.of("kind", "sourceId", "version", "date");

  /** An error in the file, by row (1 = the header) and column. */
  public record RowError(long row, String kind, String sourceId, String column, String message)
      implements java.io.Serializable {}

  /** The transactions read, and the errors of the file and of each transaction's rows. */
  public record Result(
      List<IncomingTransaction> transactions,
      Map<Integer, List<Long>> rowsByIndex,
      List<RowError> fileErrors) {

    /** Row errors for every rejected transaction, mapping field paths back to rows and columns. */
    public List<RowError> rowErrors(List<IncomingTransaction> validated) {
      List<RowError> errors = new ArrayList<>(fileErrors);
      for (IncomingTransaction t : validated) {
        List<Long> rows = rowsByIndex.get(t.index());
        for (FieldError e : t.errors()) {
          long row = rows.get(0);
          String column = columnOf(e.field());
          if (e.field().startsWith("lines[")) {
            int line = Integer.parseInt(e.field().substring(6, e.field().indexOf(']')));
            row = line + 1 < rows.size() ? rows.get(line + 1) : row;
          }
          errors.add(new RowError(row, t.kindText(), t.sourceId(), column, e.message()));
        }
      }
      errors.sort(java.util.Comparator.comparingLong(RowError::row));
      return errors;
    }
  }

  private TransactionCsvReader() {}

  public static Result read(Reader input, int maxLines, int maxTransactions) throws IOException {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    List<RowError> fileErrors = new ArrayList<>();
    Map<String, List<CSVRecord>> groups = new LinkedHashMap<>();
    try (CSVParser parser = CSVParser.parse(input, format)) {
      Map<String, String> headers = new LinkedHashMap<>();
      for (String header : parser.getHeaderNames()) {
        headers.put(header.toLowerCase(Locale.ROOT), header);
      }
      for (String required : REQUIRED) {
        if (!headers.containsKey(required.toLowerCase(Locale.ROOT))) {
          fileErrors.add(
              new RowError(
                  1,
                  null,
                  null,
                  required,
                  "the header has no '"
                      + required
                      + "' column; see docs/api.md, \"CSV upload\", for the columns"));
        }
      }
      if (!fileErrors.isEmpty()) {
        return new Result(List.of(), Map.of(), fileErrors);
      }
      for (CSVRecord record : parser) {
        String kind = value(record, headers, "kind");
        String sourceId = value(record, headers, "sourceId");
        String key =
            (kind == null ? "" : kind.toUpperCase(Locale.ROOT))
                + "\u0000"
                + Objects.requireNonNullElse(sourceId, "#row" + record.getRecordNumber());
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
      }
      if (groups.size() > maxTransactions) {
        fileErrors.add(
            new RowError(
                1,
                null,
                null,
                null,
                "the file has "
                    + groups.size()
                    + " transactions; upload at most "
                    + maxTransactions
                    + " at a time"));
        return new Result(List.of(), Map.of(), fileErrors);
      }
      List<IncomingTransaction> transactions = new ArrayList<>();
      Map<Integer, List<Long>> rowsByIndex = new LinkedHashMap<>();
      for (List<CSVRecord> rows : groups.values()) {
        int index = transactions.size();
        transactions.add(transaction(index, rows, headers, maxLines));
        // The first row carries the transaction's fields; then the rows that became lines, in
        // order.
        List<Long> numbers = new ArrayList<>();
        numbers.add(rows.get(0).getRecordNumber() + 1);
        rows.stream()
            .filter(r -> LINE_COLUMNS.stream().anyMatch(c -> value(r, headers, c) != null))
            .forEach(r -> numbers.add(r.getRecordNumber() + 1));
        rowsByIndex.put(index, numbers);
      }
      return new Result(transactions, rowsByIndex, fileErrors);
    } catch (java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      fileErrors.add(
          new RowError(
              1,
              null,
              null,
              null,
              "the file is not valid CSV: "
                  + Objects.requireNonNullElse(e.getMessage(), "unreadable")));
      return new Result(List.of(), Map.of(), fileErrors);
    }
  }

  private static IncomingTransaction transaction(
      int index, List<CSVRecord> rows, Map<String, String> headers, int maxLines) {
    List<FieldError> errors = new ArrayList<>();
    CSVRecord first = rows.get(0);
    for (CSVRecord row : rows.subList(1, rows.size())) {
      for (String column : COLUMNS.subList(0, COLUMNS.indexOf("sku"))) {
        String a = value(first, headers, column);
        String b = value(row, headers, column);
        if (b != null && !b.equals(a)) {
          errors.add(
              new FieldError(
                  column,
                  "differs between the rows of this transaction (row "
                      + (row.getRecordNumber() + 1)
                      + " has '"
                      + Values.shorten(b)
                      + "')"));
        }
      }
    }
    // Raw, not trimmed like other text: "SALE\n" is no kind (TextRules.token).
    String kindText = value(first, headers, "kind");
    Kind kind = Kind.parse(kindText).filter(Kind::received).orElse(null);
    Long version = Values.integer(value(first, headers, "version"), "version", errors);
    String code = Values.text(value(first, headers, "contactCode"));
    String name = Values.text(value(first, headers, "contactName"));
    Contact contact =
        code == null && name == null
            ? null
            : new Contact(
                code,
                name,
                Values.text(value(first, headers, "contactEmail")),
                Values.text(value(first, headers, "contactPhone")),
                Values.text(value(first, headers, "contactTaxNumber")),
                new Address(
                    Values.text(value(first, headers, "addressLine1")),
                    Values.text(value(first, headers, "addressLine2")),
                    Values.text(value(first, headers, "city")),
                    Values.text(value(first, headers, "region")),
                    Values.text(value(first, headers, "postalCode")),
                    Values.text(value(first, headers, "country"))));
    List<Line> lines = new ArrayList<>();
    if (rows.size() > maxLines) {
      errors.add(
          new FieldError(
              "lines",
              "has "
                  + rows.size()
                  + " lines; at most "
                  + maxLines
                  + " are allowed per transaction"));
    } else {
      for (int i = 0; i < rows.size(); i++) {
        CSVRecord row = rows.get(i);
        if (LINE_COLUMNS.stream().allMatch(c -> value(row, headers, c) == null)) {
          continue;
        }
        String path = "lines[" + lines.size() + "]";
        lines.add(
            new Line(
                Values.text(value(row, headers, "sku")),
                Values.text(value(row, headers, "description")),
                Values.decimal(value(row, headers, "quantity"), path + ".quantity", errors),
                Values.decimal(value(row, headers, "unitPrice"), path + ".unitPrice", errors),
                Values.decimal(
                    value(row, headers, "discountPercent"), path + ".discountPercent", errors),
                Values.text(value(row, headers, "taxCode")),
                Values.text(value(row, headers, "accountCode")),
                Values.decimal(value(row, headers, "unitCost"), path + ".unitCost", errors),
                Values.decimal(value(row, headers, "costAmount"), path + ".costAmount", errors),
                Values.bool(value(row, headers, "restock"), path + ".restock", errors)));
      }
    }
    TransactionContent content =
        new TransactionContent(
            Values.text(value(first, headers, "number")),
            Values.text(value(first, headers, "reference")),
            contact,
            Values.date(value(first, headers, "date"), "date", errors),
            Values.date(value(first, headers, "dueDate"), "dueDate", errors),
            Values.date(value(first, headers, "dispatchDate"), "dispatchDate", errors),
            Values.text(value(first, headers, "currency")),
            Values.decimal(value(first, headers, "currencyRate"), "currencyRate", errors),
            Values.text(value(first, headers, "branch")),
            Values.text(value(first, headers, "channel")),
            Values.text(value(first, headers, "paymentMethod")),
            Boolean.TRUE.equals(
                Values.bool(value(first, headers, "pricesIncludeTax"), "pricesIncludeTax", errors)),
            lines,
            Values.decimal(value(first, headers, "total"), "total", errors),
            Boolean.TRUE.equals(Values.bool(value(first, headers, "voided"), "voided", errors)),
            Values.movement(
                value(first, headers, "adjustmentType"),
                value(first, headers, "reason"),
                value(first, headers, "location"),
                value(first, headers, "fromLocation"),
                value(first, headers, "toLocation"),
                errors));
    return new IncomingTransaction(
        index,
        kind,
        kindText,
        Values.text(value(first, headers, "sourceId")),
        version,
        content,
        errors);
  }

  private static String value(CSVRecord record, Map<String, String> headers, String column) {
    String header = headers.get(column.toLowerCase(Locale.ROOT));
    if (header == null || !record.isSet(header)) {
      return null;
    }
    String value = record.get(header);
    return value == null || value.isBlank() ? null : value;
  }

  /** The CSV column a JSON field path came from ({@code contact.address.city} → {@code city}). */
  static String columnOf(String field) {
    String f = field.replaceFirst("^lines\\[\\d+\\]\\.?", "");
    if (f.isEmpty()) {
      return "quantity";
    }
    return switch (f) {
      case "contact" -> "contactCode";
      case "contact.code" -> "contactCode";
      case "contact.name" -> "contactName";
      case "contact.email" -> "contactEmail";
      case "contact.phone" -> "contactPhone";
      case "contact.taxNumber" -> "contactTaxNumber";
      case "contact.address.line1" -> "addressLine1";
      case "contact.address.line2" -> "addressLine2";
      case "contact.address.city" -> "city";
      case "contact.address.region" -> "region";
      case "contact.address.postalCode" -> "postalCode";
      case "contact.address.country" -> "country";
      default -> f;
    };
  }
}
