package io.ledgerbridge.intake.control;

import io.ledgerbridge.intake.entity.Address;
import io.ledgerbridge.intake.entity.Contact;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.intake.entity.Line;
import io.ledgerbridge.intake.entity.StockMovement;
import io.ledgerbridge.intake.entity.TransactionContent;
import io.ledgerbridge.platform.TextRules;
import java.math.BigDecimal;
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

  /** The shared rules, with the errors the reader already found (a field is not reported twice). */
  private final FieldRules rules;

  private TransactionValidator(List<FieldError> known) {
    this.rules = new FieldRules(known);
  }

  /** The given transaction with every rule violation added to its errors. */
  public static IncomingTransaction validate(IncomingTransaction incoming) {
    TransactionValidator validator = new TransactionValidator(incoming.errors());
    validator.check(incoming);
    return incoming.withErrors(validator.rules.errors());
  }

  private void check(IncomingTransaction in) {
    if (in.kind() == null) {
      rules.error(
          "kind",
          in.kindText() == null || in.kindText().isBlank()
              ? "is required: one of SALE, PURCHASE, CUSTOMER_CREDIT, SUPPLIER_CREDIT, STOCK_ADJUSTMENT"
              : "must be one of SALE, PURCHASE, CUSTOMER_CREDIT, SUPPLIER_CREDIT, STOCK_ADJUSTMENT, not '"
                  + TextRules.printable(Values.shorten(in.kindText()))
                  + "'");
    }
    rules.sourceId(in.sourceId());
    rules.version(in.version());
    TransactionContent c = in.content();
    rules.text("number", c.number(), 255, false);
    rules.text("reference", c.reference(), 255, false);
    contact(in.kind(), c.contact());
    rules.date("date", c.date(), true);
    rules.date("dueDate", c.dueDate(), false);
    rules.date("dispatchDate", c.dispatchDate(), false);
    rules.currency("currency", c.currency(), true);
    if (c.currencyRate() != null) {
      rules.range("currencyRate", c.currencyRate(), MAX_RATE, 10);
      if (c.currencyRate().signum() <= 0) {
        rules.error("currencyRate", "must be greater than 0");
      }
    }
    rules.text("branch", c.branch(), 100, false);
    rules.text("channel", c.channel(), 100, false);
    rules.text("paymentMethod", c.paymentMethod(), 100, false);
    for (int i = 0; i < c.lines().size(); i++) {
      line(in.kind(), "lines[" + i + "]", c.lines().get(i));
    }
    movement(in.kind(), c);
    if (c.total() == null) {
      if (in.kind() != null && in.kind() != Kind.STOCK_ADJUSTMENT && !rules.hasError("total")) {
        rules.error("total", "is required: the total the inventory system computed");
      }
    } else {
      rules.range("total", c.total(), MAX_TOTAL, 4);
    }
  }

  /** A stock adjustment's type, reason and locations; a transfer has both ends and nets to zero. */
  private void movement(Kind kind, TransactionContent c) {
    StockMovement m = c.movement();
    rules.text("reason", m.reason(), 255, false);
    rules.text("location", m.location(), 100, false);
    rules.text("fromLocation", m.fromLocation(), 100, false);
    rules.text("toLocation", m.toLocation(), 100, false);
    if (kind != null && kind != Kind.STOCK_ADJUSTMENT) {
      for (String[] field :
          new String[][] {
            {"adjustmentType", m.type() == null ? null : m.type().name()},
            {"reason", m.reason()},
            {"location", m.location()},
            {"fromLocation", m.fromLocation()},
            {"toLocation", m.toLocation()}
          }) {
        if (field[1] != null && !rules.hasError(field[0])) {
          rules.error(field[0], "is for stock adjustments only, not a " + kind.name());
        }
      }
      return;
    }
    if (!m.transfer()) {
      if (m.fromLocation() != null || m.toLocation() != null) {
        rules.error(
            m.fromLocation() != null ? "fromLocation" : "toLocation",
            "is for a TRANSFER only; use location for where the stock changed");
      }
      return;
    }
    if (m.fromLocation() == null && !rules.hasError("fromLocation")) {
      rules.error("fromLocation", "is required for a TRANSFER");
    }
    if (m.toLocation() == null && !rules.hasError("toLocation")) {
      rules.error("toLocation", "is required for a TRANSFER");
    }
    if (m.fromLocation() != null && m.fromLocation().equals(m.toLocation())) {
      rules.error("toLocation", "must differ from fromLocation");
    }
    if (rules.hasErrorUnder("lines")) {
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
      rules.error(
          "lines",
          "a TRANSFER must net to zero (the stock leaving fromLocation as negative costAmount,"
              + " the same value arriving at toLocation as positive); these lines net to "
              + net.stripTrailingZeros().toPlainString());
    }
  }

  private void contact(Kind kind, Contact contact) {
    if (contact == null) {
      if (kind != null && kind.hasContact() && !rules.hasError("contact")) {
        rules.error("contact", "is required for a " + kind.name());
      }
      return;
    }
    rules.text("contact.code", contact.code(), 100, kind == null || kind.hasContact());
    rules.text("contact.name", contact.name(), 255, kind == null || kind.hasContact());
    rules.text("contact.email", contact.email(), 255, false);
    if (contact.email() != null && !EMAIL.matcher(contact.email()).matches()) {
      rules.error("contact.email", "must be an e-mail address such as accounts@example.com");
    }
    rules.text("contact.phone", contact.phone(), 50, false);
    rules.text("contact.taxNumber", contact.taxNumber(), 50, false);
    Address a = contact.address();
    if (a != null) {
      rules.text("contact.address.line1", a.line1(), 500, false);
      rules.text("contact.address.line2", a.line2(), 500, false);
      rules.text("contact.address.city", a.city(), 255, false);
      rules.text("contact.address.region", a.region(), 255, false);
      rules.text("contact.address.postalCode", a.postalCode(), 50, false);
      rules.text("contact.address.country", a.country(), 50, false);
    }
  }

  private void line(Kind kind, String path, Line line) {
    if (rules.hasError(path)) {
      return; // not a line at all (e.g. not an object); nothing more to say about it
    }
    rules.text(path + ".sku", line.sku(), 100, false);
    rules.longText(path + ".description", line.description(), 4000);
    rules.text(path + ".taxCode", line.taxCode(), 50, false);
    rules.text(path + ".accountCode", line.accountCode(), 10, false);
    if (line.quantity() == null) {
      if (!rules.hasError(path + ".quantity")) {
        rules.error(path + ".quantity", "is required");
      }
    } else {
      rules.range(path + ".quantity", line.quantity(), MAX_QUANTITY, 4);
    }
    if (line.unitPrice() == null) {
      if (kind != null && kind != Kind.STOCK_ADJUSTMENT && !rules.hasError(path + ".unitPrice")) {
        rules.error(path + ".unitPrice", "is required");
      }
    } else {
      rules.range(path + ".unitPrice", line.unitPrice(), MAX_PRICE, 4);
    }
    if (line.discountPercent() != null) {
      if (line.discountPercent().signum() < 0
          || line.discountPercent().compareTo(BigDecimal.valueOf(100)) > 0) {
        rules.error(path + ".discountPercent", "must be between 0 and 100");
      } else {
        rules.range(path + ".discountPercent", line.discountPercent(), BigDecimal.valueOf(100), 4);
      }
    }
    if (line.unitCost() != null) {
      rules.range(path + ".unitCost", line.unitCost(), MAX_PRICE, 4);
      if (line.unitCost().signum() < 0) {
        rules.error(path + ".unitCost", "must not be negative");
      }
    }
    if (line.costAmount() != null) {
      rules.range(path + ".costAmount", line.costAmount(), MAX_LINE_AMOUNT, 6);
      if (kind != null && kind != Kind.STOCK_ADJUSTMENT && line.costAmount().signum() < 0) {
        rules.error(
            path + ".costAmount",
            "must not be negative on a " + kind.name() + " (only a stock adjustment is signed)");
      }
    }
    if (line.restock() != null && kind != null && kind != Kind.CUSTOMER_CREDIT) {
      rules.error(path + ".restock", "is for customer credit lines only");
    }
    if (!rules.hasErrorUnder(path)
        && line.quantity() != null
        && line.amount().abs().compareTo(MAX_LINE_AMOUNT) > 0) {
      rules.error(
          path,
          "quantity × unit price is "
              + line.amount().toPlainString()
              + ", more than Xero's maximum line amount of 9,999,999,999.99");
    }
  }
}
