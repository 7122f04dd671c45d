package io.ledgerbridge.intake.control;

import io.ledgerbridge.intake.entity.Address;
import io.ledgerbridge.intake.entity.Contact;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.intake.entity.Line;
import io.ledgerbridge.intake.entity.StockMovement;
import io.ledgerbridge.intake.entity.TransactionContent;
import io.ledgerbridge.platform.DateRules;
import io.ledgerbridge.platform.TextRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The intake rules: what a transaction must have to be stored at all. Limits follow what Xero
 * accepts (4,000-character descriptions, line amounts up to 9,999,999,999.99, 4 decimals on
 * quantities and unit prices) so that a stored transaction never fails in Xero for its size.
 * Whether a stored transaction can be imported yet is a separate question ({@link Importability}).
 */
public final class TransactionValidator {

  static final BigDecimal MAX_QUANTITY = new BigDecimal("999999999.9999");
  static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.9999");
  static final BigDecimal MAX_LINE_AMOUNT = new BigDecimal("9999999999.99");
  static final BigDecimal MAX_TOTAL = new BigDecimal("99999999999.99");
  static final BigDecimal MAX_RATE = new BigDecimal("100000000");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private final List<FieldError> errors = new ArrayList<>();

  /** Errors the reader already found (wrong types); a field is not reported twice. */
  private final List<FieldError> known;

  private TransactionValidator(List<FieldError> known) {
    this.known = known;
  }

  /** The given transaction with every rule violation added to its errors. */
  public static IncomingTransaction validate(IncomingTransaction incoming) {
    TransactionValidator validator = new TransactionValidator(incoming.errors());
    validator.check(incoming);
    return incoming.withErrors(validator.errors);
  }

  private void check(IncomingTransaction in) {
    if (in.kind() == null) {
      error(
          "kind",
          in.kindText() == null || in.kindText().isBlank()
              ? "is required: one of SALE, PURCHASE, CUSTOMER_CREDIT, SUPPLIER_CREDIT, STOCK_ADJUSTMENT"
              : "must be one of SALE, PURCHASE, CUSTOMER_CREDIT, SUPPLIER_CREDIT, STOCK_ADJUSTMENT, not '"
                  + TextRules.printable(Values.shorten(in.kindText()))
                  + "'");
    }
    text("sourceId", in.sourceId(), 100, true);
    if (in.version() == null) {
      if (!hasError("version")) {
        error("version", "is required: a whole number that grows with every change at the source");
      }
    } else if (in.version() < 1) {
      error("version", "must be 1 or more");
    }
    TransactionContent c = in.content();
    text("number", c.number(), 255, false);
    text("reference", c.reference(), 255, false);
    contact(in.kind(), c.contact());
    date("date", c.date(), true);
    date("dueDate", c.dueDate(), false);
    date("dispatchDate", c.dispatchDate(), false);
    currency(c.currency());
    if (c.currencyRate() != null) {
      range("currencyRate", c.currencyRate(), MAX_RATE, 10);
      if (c.currencyRate().signum() <= 0) {
        error("currencyRate", "must be greater than 0");
      }
    }
    text("branch", c.branch(), 100, false);
    text("channel", c.channel(), 100, false);
    text("paymentMethod", c.paymentMethod(), 100, false);
    for (int i = 0; i < c.lines().size(); i++) {
      line(in.kind(), "lines[" + i + "]", c.lines().get(i));
    }
    movement(in.kind(), c);
    if (c.total() == null) {
      if (in.kind() != null && in.kind() != Kind.STOCK_ADJUSTMENT && !hasError("total")) {
        error("total", "is required: the total the inventory system computed");
      }
    } else {
      range("total", c.total(), MAX_TOTAL, 4);
    }
  }

  /** A stock adjustment's type, reason and locations; a transfer has both ends and nets to zero. */
  private void movement(Kind kind, TransactionContent c) {
    StockMovement m = c.movement();
    text("reason", m.reason(), 255, false);
    text("location", m.location(), 100, false);
    text("fromLocation", m.fromLocation(), 100, false);
    text("toLocation", m.toLocation(), 100, false);
    if (kind != null && kind != Kind.STOCK_ADJUSTMENT) {
      for (String[] field :
          new String[][] {
            {"adjustmentType", m.type() == null ? null : m.type().name()},
            {"reason", m.reason()},
            {"location", m.location()},
            {"fromLocation", m.fromLocation()},
            {"toLocation", m.toLocation()}
          }) {
        if (field[1] != null && !hasError(field[0])) {
          error(field[0], "is for stock adjustments only, not a " + kind.name());
        }
      }
      return;
    }
    if (!m.transfer()) {
      if (m.fromLocation() != null || m.toLocation() != null) {
        error(
            m.fromLocation() != null ? "fromLocation" : "toLocation",
            "is for a TRANSFER only; use location for where the stock changed");
      }
      return;
    }
    if (m.fromLocation() == null && !hasError("fromLocation")) {
      error("fromLocation", "is required for a TRANSFER");
    }
    if (m.toLocation() == null && !hasError("toLocation")) {
      error("toLocation", "is required for a TRANSFER");
    }
    if (m.fromLocation() != null && m.fromLocation().equals(m.toLocation())) {
      error("toLocation", "must differ from fromLocation");
    }
    if (hasErrorUnder("lines")) {
      return;
    }
    BigDecimal net = BigDecimal.ZERO;
    for (Line line : c.lines()) {
      BigDecimal cost = line.cost();
      if (cost == null) {
        return; // valued at import, where a missing cost is reported
      }
      net = net.add(cost);
    }
    if (net.signum() != 0) {
      error(
          "lines",
          "a TRANSFER must net to zero (the stock leaving fromLocation as negative costAmount,"
              + " the same value arriving at toLocation as positive); these lines net to "
              + net.stripTrailingZeros().toPlainString());
    }
  }

  private void contact(Kind kind, Contact contact) {
    if (contact == null) {
      if (kind != null && kind.hasContact() && !hasError("contact")) {
        error("contact", "is required for a " + kind.name());
      }
      return;
    }
    text("contact.code", contact.code(), 100, kind == null || kind.hasContact());
    text("contact.name", contact.name(), 255, kind == null || kind.hasContact());
    text("contact.email", contact.email(), 255, false);
    if (contact.email() != null && !EMAIL.matcher(contact.email()).matches()) {
      error("contact.email", "must be an e-mail address such as accounts@example.com");
    }
    text("contact.phone", contact.phone(), 50, false);
    text("contact.taxNumber", contact.taxNumber(), 50, false);
    Address a = contact.address();
    if (a != null) {
      text("contact.address.line1", a.line1(), 500, false);
      text("contact.address.line2", a.line2(), 500, false);
      text("contact.address.city", a.city(), 255, false);
      text("contact.address.region", a.region(), 255, false);
      text("contact.address.postalCode", a.postalCode(), 50, false);
      text("contact.address.country", a.country(), 50, false);
    }
  }

  private void line(Kind kind, String path, Line line) {
    if (hasError(path)) {
      return; // not a line at all (e.g. not an object); nothing more to say about it
    }
    text(path + ".sku", line.sku(), 100, false);
    longText(path + ".description", line.description(), 4000);
    text(path + ".taxCode", line.taxCode(), 50, false);
    text(path + ".accountCode", line.accountCode(), 10, false);
    if (line.quantity() == null) {
      if (!hasError(path + ".quantity")) {
        error(path + ".quantity", "is required");
      }
    } else {
      range(path + ".quantity", line.quantity(), MAX_QUANTITY, 4);
    }
    if (line.unitPrice() == null) {
      if (kind != null && kind != Kind.STOCK_ADJUSTMENT && !hasError(path + ".unitPrice")) {
        error(path + ".unitPrice", "is required");
      }
    } else {
      range(path + ".unitPrice", line.unitPrice(), MAX_PRICE, 4);
    }
    if (line.discountPercent() != null) {
      if (line.discountPercent().signum() < 0
          || line.discountPercent().compareTo(BigDecimal.valueOf(100)) > 0) {
        error(path + ".discountPercent", "must be between 0 and 100");
      } else {
        range(path + ".discountPercent", line.discountPercent(), BigDecimal.valueOf(100), 4);
      }
    }
    if (line.unitCost() != null) {
      range(path + ".unitCost", line.unitCost(), MAX_PRICE, 4);
      if (line.unitCost().signum() < 0) {
        error(path + ".unitCost", "must not be negative");
      }
    }
    if (line.costAmount() != null) {
      range(path + ".costAmount", line.costAmount(), MAX_LINE_AMOUNT, 6);
      if (kind != null && kind != Kind.STOCK_ADJUSTMENT && line.costAmount().signum() < 0) {
        error(
            path + ".costAmount",
            "must not be negative on a " + kind.name() + " (only a stock adjustment is signed)");
      }
    }
    if (line.restock() != null && kind != null && kind != Kind.CUSTOMER_CREDIT) {
      error(path + ".restock", "is for customer credit lines only");
    }
    if (!hasErrorUnder(path)
        && line.quantity() != null
        && line.amount().abs().compareTo(MAX_LINE_AMOUNT) > 0) {
      error(
          path,
          "quantity × unit price is "
              + line.amount().toPlainString()
              + ", more than Xero's maximum line amount of 9,999,999,999.99");
    }
  }

  private void currency(String code) {
    if (code == null) {
      if (!hasError("currency")) {
        error("currency", "is required: an ISO 4217 code such as NZD");
      }
      return;
    }
    if (!CURRENCY.matcher(code).matches()) {
      error("currency", "must be a three-letter ISO 4217 code in capitals, such as NZD");
      return;
    }
    try {
      Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      error("currency", "'" + code + "' is not an ISO 4217 currency code");
    }
  }

  private void date(String field, LocalDate date, boolean required) {
    if (date == null) {
      if (required && !hasError(field)) {
        error(field, "is required (YYYY-MM-DD)");
      }
      return;
    }
    DateRules.problem(date).ifPresent(problem -> error(field, problem));
  }

  private void range(String field, BigDecimal value, BigDecimal max, int maxScale) {
    if (value.abs().compareTo(max) > 0) {
      error(field, "is too large: at most " + max.toPlainString());
    } else if (value.stripTrailingZeros().scale() > maxScale) {
      error(field, "may have at most " + maxScale + " decimal places");
    }
  }

  private void text(String field, String value, int max, boolean required) {
    if (value == null) {
      if (required && !hasError(field)) {
        error(field, "is required");
      }
      return;
    }
    if (value.length() > max) {
      error(field, "is " + value.length() + " characters long; at most " + max + " are allowed");
    } else {
      TextRules.problem(value, false).ifPresent(problem -> error(field, problem));
    }
  }

  private void longText(String field, String value, int max) {
    if (value == null) {
      return;
    }
    if (value.length() > max) {
      error(field, "is " + value.length() + " characters long; at most " + max + " are allowed");
    } else {
      TextRules.problem(value, true).ifPresent(problem -> error(field, problem));
    }
  }

  private boolean hasError(String field) {
    return java.util.stream.Stream.concat(known.stream(), errors.stream())
        .anyMatch(e -> e.field().equals(field));
  }

  private boolean hasErrorUnder(String path) {
    return java.util.stream.Stream.concat(known.stream(), errors.stream())
        .anyMatch(e -> e.field().startsWith(path));
  }

  private void error(String field, String message) {
    errors.add(new FieldError(field, message));
  }
}
