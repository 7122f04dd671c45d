package io.ledgerbridge.demo;

import io.ledgerbridge.intake.control.IncomingTransaction;
import io.ledgerbridge.intake.entity.Address;
import io.ledgerbridge.intake.entity.Contact;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.intake.entity.Line;
import io.ledgerbridge.intake.entity.StockMovement;
import io.ledgerbridge.intake.entity.TransactionContent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A realistic, repeatable demo dataset: a New Zealand wholesaler/retailer with three branches, POS,
 * web and wholesale channels, GST-inclusive retail and GST-exclusive wholesale prices, some sales
 * in AUD, and about forty contacts — including near-duplicate names and shared e-mail addresses,
 * the cases contact matching has to get right.
 */
public final class DemoDataGenerator {

  private static final String[] BRANCHES = {"Auckland", "Wellington", "Christchurch"};
  private static final String[][] PRODUCTS = {
    {"WID-BLU", "Widget, blue", "12.50", "5.10"},
    {"WID-RED", "Widget, red", "12.50", "5.10"},
    {"GAD-100", "Gadget 100", "89.00", "41.25"},
    {"GAD-200", "Gadget 200 with case", "149.00", "72.80"},
    {"CAB-USB", "USB-C cable 2 m", "19.95", "4.30"},
    {"BAT-AA4", "AA batteries, pack of 4", "8.99", "2.75"},
    {"STD-DSK", "Desk stand, bamboo", "64.00", "23.40"},
    {"LMP-LED", "LED desk lamp", "79.00", "31.60"},
    {"BAG-LAP", "Laptop sleeve 14\"", "45.00", "17.90"},
    {"MUG-LOG", "Mug with logo", "16.50", "6.20"},
  };
  private static final String[][] CUSTOMERS = {
    {"CUS-001", "Harbour Café Ltd", "accounts@harbourcafe.co.nz"},
    {"CUS-002", "Harbour Cafe Limited", "accounts@harbourcafe.co.nz"},
    {"CUS-003", "Kiwi Office Supplies Ltd", "ap@kiwioffice.co.nz"},
    {"CUS-004", "Kiwi Office Supply", "orders@kiwioffice.co.nz"},
    {"CUS-005", "Southern Lights Trading", "finance@southernlights.nz"},
    {"CUS-006", "Mount Eden Books", "hello@mtedenbooks.co.nz"},
    {"CUS-007", "Aroha Design Studio", "studio@arohadesign.nz"},
    {"CUS-008", "Tāmaki Tech Repairs", "admin@tamakitech.co.nz"},
    {"CUS-009", "Tamaki Tech Repairs Ltd", "admin@tamakitech.co.nz"},
    {"CUS-010", "Brightside Schools Trust", "payables@brightside.school.nz"},
    {"CUS-011", "Ōtautahi Events", "events@otautahi.nz"},
    {"CUS-012", "Pacific Rim Imports Pty Ltd", "ap@pacificrim.com.au"},
    {"CUS-013", "Sydney Gadget Co.", "accounts@sydneygadget.com.au"},
    {"CUS-014", "Ponsonby Print & Co", "print@ponsonbyprint.co.nz"},
    {"CUS-015", "Ponsonby Print and Co", "print@ponsonbyprint.co.nz"},
    {"CUS-016", "Green Valley Vets", "office@greenvalleyvets.nz"},
    {"CUS-017", "Riverside Dental", "reception@riversidedental.nz"},
    {"CUS-018", "Coastal Surf School", "bookings@coastalsurf.nz"},
    {"CUS-019", "Nguyen & Partners", "accounts@nguyenpartners.nz"},
    {"CUS-020", "Van der Berg Consulting", "jan@vdberg.nz"},
    {"CUS-021", "Müller Engineering NZ", "rechnung@mueller.nz"},
    {"CUS-022", "O'Brien Hardware", "obrien.hardware@example.nz"},
    {"CUS-023", "Cash sales — Auckland", null},
    {"CUS-024", "Cash sales — Wellington", null},
    {"CUS-025", "Web shop customers", "webshop@ledgerbridge-demo.nz"},
    {"CUS-026", "Te Awa Community Centre", "treasurer@teawa.org.nz"},
    {"CUS-027", "Summit Outdoor Gear Ltd", "ap@summitoutdoor.co.nz"},
    {"CUS-028", "Summit Outdoors", "ap@summitoutdoor.co.nz"},
  };
  private static final String[][] SUPPLIERS = {
    {"SUP-001", "Shenzhen Widget Manufacturing Co., Ltd", "sales@szwidget.cn"},
    {"SUP-002", "Gadgetworks Australia Pty Ltd", "ar@gadgetworks.com.au"},
    {"SUP-003", "NZ Freight Solutions Ltd", "billing@nzfreight.co.nz"},
    {"SUP-004", "NZ Freight Solutions", "billing@nzfreight.co.nz"},
    {"SUP-005", "Pacific Packaging Ltd", "accounts@pacpack.co.nz"},
    {"SUP-006", "Bamboo Living Ltd", "hello@bambooliving.nz"},
    {"SUP-007", "Cable Direct NZ", "ar@cabledirect.nz"},
    {"SUP-008", "Energizer Distributors NZ", "credit@energydist.nz"},
    {"SUP-009", "Lumen Lighting Wholesale", "ar@lumenlighting.nz"},
    {"SUP-010", "Auckland Mug Printers", "orders@akmugs.co.nz"},
    {"SUP-011", "Ōamaru Stone & Timber", "accounts@oamarustone.nz"},
    {"SUP-012", "Kiwi Office Supplies Ltd", "ap@kiwioffice.co.nz"},
  };

  private final Random random = new Random(20261129L);
  private final LocalDate today;
  private final List<IncomingTransaction> out = new ArrayList<>();

  private DemoDataGenerator(LocalDate today) {
    this.today = today;
  }

  /**
   * About 1,300 transactions (a few hundred of each kind) over the four months up to {@code today}.
   */
  public static List<IncomingTransaction> generate(LocalDate today) {
    DemoDataGenerator generator = new DemoDataGenerator(today);
    generator.run();
    return generator.out;
  }

  private void run() {
    LocalDate start = today.minusMonths(4).withDayOfMonth(1);
    int days = (int) (today.toEpochDay() - start.toEpochDay());
    for (int i = 1; i <= 450; i++) {
      sale(i, start.plusDays(random.nextInt(days + 1)));
    }
    for (int i = 1; i <= 240; i++) {
      purchase(i, start.plusDays(random.nextInt(days + 1)));
    }
    for (int i = 1; i <= 200; i++) {
      customerCredit(i, start.plusDays(random.nextInt(days + 1)));
    }
    for (int i = 1; i <= 200; i++) {
      supplierCredit(i, start.plusDays(random.nextInt(days + 1)));
    }
    for (int i = 1; i <= 200; i++) {
      stockAdjustment(i, start.plusDays(random.nextInt(days + 1)));
    }
  }

  private void sale(int n, LocalDate date) {
    String[] customer = CUSTOMERS[random.nextInt(CUSTOMERS.length)];
    String branch = BRANCHES[random.nextInt(BRANCHES.length)];
    boolean wholesale = random.nextInt(4) == 0;
    boolean web = !wholesale && random.nextInt(3) == 0;
    String channel = wholesale ? "Wholesale" : web ? "Web" : "POS";
    boolean foreign = customer[0].equals("CUS-012") || customer[0].equals("CUS-013");
    boolean inclusive = !wholesale && !foreign;
    List<Line> lines = lines(1 + random.nextInt(4), true, inclusive, wholesale);
    String paymentMethod =
        channel.equals("POS")
            ? (random.nextBoolean() ? "EFTPOS" : "Cash")
            : channel.equals("Web") ? "Card" : "Account";
    add(
        Kind.SALE,
        "SO-" + (10000 + n),
        "INV-" + (20000 + n),
        "Order " + (10000 + n),
        contact(customer),
        date,
        date.plusDays(wholesale ? 30 : 7),
        date.plusDays(random.nextInt(3)),
        foreign ? "AUD" : "NZD",
        foreign ? new BigDecimal("0.9120") : null,
        branch,
        channel,
        paymentMethod,
        inclusive,
        lines,
        n % 97 == 0);
  }

  private void purchase(int n, LocalDate date) {
    String[] supplier = SUPPLIERS[random.nextInt(SUPPLIERS.length)];
    boolean foreign = supplier[0].equals("SUP-001") || supplier[0].equals("SUP-002");
    List<Line> lines = lines(1 + random.nextInt(5), false, false, true);
    add(
        Kind.PURCHASE,
        "PO-" + (5000 + n),
        n % 23 == 0 ? null : "SUPINV-" + (880 + n * 7),
        "PO-" + (5000 + n),
        contact(supplier),
        date,
        date.plusDays(20),
        null,
        supplier[0].equals("SUP-001") ? "USD" : foreign ? "AUD" : "NZD",
        supplier[0].equals("SUP-001")
            ? new BigDecimal("0.5930")
            : foreign ? new BigDecimal("0.9120") : null,
        BRANCHES[random.nextInt(BRANCHES.length)],
        null,
        null,
        false,
        lines,
        false);
  }

  private void customerCredit(int n, LocalDate date) {
    String[] customer = CUSTOMERS[random.nextInt(CUSTOMERS.length)];
    add(
        Kind.CUSTOMER_CREDIT,
        "RMA-" + (300 + n),
        "CN-" + (700 + n),
        "Return of SO-" + (10000 + n * 5),
        contact(customer),
        date,
        null,
        date,
        "NZD",
        null,
        BRANCHES[random.nextInt(BRANCHES.length)],
        "POS",
        null,
        true,
        lines(1, true, true, false),
        false);
  }

  private void supplierCredit(int n, LocalDate date) {
    String[] supplier = SUPPLIERS[random.nextInt(SUPPLIERS.length)];
    add(
        Kind.SUPPLIER_CREDIT,
        "SCN-" + (100 + n),
        "SUPCN-" + (40 + n),
        null,
        contact(supplier),
        date,
        null,
        null,
        "NZD",
        null,
        BRANCHES[random.nextInt(BRANCHES.length)],
        null,
        null,
        false,
        lines(1 + random.nextInt(2), false, false, true),
        false);
  }

  private void stockAdjustment(int n, LocalDate date) {
    List<Line> lines = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      String[] product = PRODUCTS[random.nextInt(PRODUCTS.length)];
      int quantity = random.nextInt(12) - 8;
      lines.add(
          new Line(
              product[0],
              (quantity < 0 ? "Damaged / written off: " : "Found in count: ") + product[1],
              BigDecimal.valueOf(quantity == 0 ? -1 : quantity),
              null,
              null,
              null,
              null,
              new BigDecimal(product[3])));
    }
    add(
        Kind.STOCK_ADJUSTMENT,
        "ADJ-" + (900 + n),
        "ADJ-" + (900 + n),
        "Stocktake",
        null,
        date,
        null,
        null,
        "NZD",
        null,
        BRANCHES[random.nextInt(BRANCHES.length)],
        null,
        null,
        false,
        lines,
        false);
  }

  private List<Line> lines(int count, boolean sale, boolean inclusive, boolean wholesale) {
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String[] product = PRODUCTS[random.nextInt(PRODUCTS.length)];
      BigDecimal retail = new BigDecimal(product[2]);
      BigDecimal cost = new BigDecimal(product[3]);
      BigDecimal price =
          sale
              ? (inclusive
                  ? retail
                  : retail.divide(new BigDecimal("1.15"), 4, RoundingMode.HALF_UP))
              : cost;
      int quantity = wholesale ? 5 + random.nextInt(40) : 1 + random.nextInt(3);
      BigDecimal discount =
          sale && wholesale && random.nextInt(3) == 0 ? new BigDecimal("10") : null;
      String taxCode = random.nextInt(15) == 0 ? "ZERO" : "GST";
      lines.add(
          new Line(
              product[0],
              product[1],
              BigDecimal.valueOf(quantity),
              price,
              discount,
              taxCode,
              null,
              cost));
    }
    return lines;
  }

  private static Contact contact(String[] data) {
    int number = Integer.parseInt(data[0].substring(4));
    Address address =
        new Address(
            number + " " + (number % 2 == 0 ? "Queen Street" : "Cuba Street"),
            null,
            number % 3 == 0 ? "Christchurch" : number % 2 == 0 ? "Auckland" : "Wellington",
            null,
            String.valueOf(1010 + number),
            "New Zealand");
    return new Contact(data[0], data[1], data[2], "+64 9 555 " + (1000 + number), null, address);
  }

  private void add(
      Kind kind,
      String sourceId,
      String number,
      String reference,
      Contact contact,
      LocalDate date,
      LocalDate dueDate,
      LocalDate dispatchDate,
      String currency,
      BigDecimal rate,
      String branch,
      String channel,
      String paymentMethod,
      boolean inclusive,
      List<Line> lines,
      boolean voided) {
    BigDecimal total = total(lines, inclusive, kind);
    TransactionContent content =
        new TransactionContent(
            number,
            reference,
            contact,
            date,
            dueDate,
            dispatchDate,
            currency,
            rate,
            branch,
            channel,
            paymentMethod,
            inclusive,
            lines,
            kind == Kind.STOCK_ADJUSTMENT ? null : total,
            voided,
            kind == Kind.STOCK_ADJUSTMENT
                ? new StockMovement(StockMovement.Type.COUNT, reference, null, null, null)
                : StockMovement.NONE);
    out.add(
        new IncomingTransaction(out.size(), kind, kind.name(), sourceId, 1L, content, List.of()));
  }

  /** The source's own total, computed per line at 15% GST as an inventory system would. */
  private static BigDecimal total(List<Line> lines, boolean inclusive, Kind kind) {
    BigDecimal total = BigDecimal.ZERO;
    for (Line line : lines) {
      BigDecimal amount =
          kind == Kind.STOCK_ADJUSTMENT
              ? line.quantity().multiply(line.unitCost()).setScale(2, RoundingMode.HALF_UP)
              : line.amount();
      BigDecimal rate = "ZERO".equals(line.taxCode()) ? BigDecimal.ZERO : new BigDecimal("0.15");
      total =
          total.add(
              inclusive || kind == Kind.STOCK_ADJUSTMENT
                  ? amount
                  : amount.add(amount.multiply(rate).setScale(2, RoundingMode.HALF_UP)));
    }
    return total;
  }
}
