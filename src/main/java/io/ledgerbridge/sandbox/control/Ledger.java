package io.ledgerbridge.sandbox.control;

import io.ledgerbridge.platform.JsonFactory;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Account balances at a date, from POSTED manual journals and AUTHORISED/PAID invoices and credit
 * notes (with their payments), and Xero's Trial Balance and Balance Sheet report shapes. Debits are
 * positive.
 */
public final class Ledger {

  private static final DateTimeFormatter REPORT_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter COLUMN_DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final Set<String> POSTED_DOCUMENTS = Set.of("AUTHORISED", "PAID");
  private static final String BANK = "090";
  private static final String RECEIVABLE = "610";
  private static final String PAYABLE = "800";
  private static final String GST = "820";

  private final Map<String, BigDecimal> balances = new LinkedHashMap<>();
  private final LocalDate asAt;
  private final List<TrackingOption> tracking;

  public Ledger(LocalDate asAt) {
    this(asAt, List.of());
  }

  /** A ledger that counts only lines tracked with every one of these options (none: every line). */
  public Ledger(LocalDate asAt, List<TrackingOption> tracking) {
    this.asAt = asAt;
    this.tracking = List.copyOf(tracking);
  }

  /**
   * Xero's Balance Sheet "for the end of the month of the specified date": the day within the month
   * does not matter.
   */
  public static LocalDate balanceSheetDate(LocalDate date) {
    return YearMonth.from(date).atEndOfMonth();
  }

  /** The ledger for the Balance Sheet of a date: at the end of that date's month. */
  public static Ledger forBalanceSheet(LocalDate date, List<TrackingOption> tracking) {
    return new Ledger(balanceSheetDate(date), tracking);
  }

  /**
   * A tracking option to filter by ({@code trackingOptionID1/2}). Journal lines may carry only the
   * category and option names, so both the id and the names match.
   *
   * @param category the category's name, or null when the option is unknown
   * @param option the option's name, or null when the option is unknown
   */
  public record TrackingOption(String optionId, String category, String option) {

    /**
     * The option with this id among the organisation's tracking categories (names null if none).
     */
    public static TrackingOption find(String optionId, List<JsonObject> categories) {
      for (JsonObject category : categories) {
        for (JsonObject option : objects(category.get("Options"))) {
          if (optionId.equalsIgnoreCase(option.getString("TrackingOptionID", ""))) {
            return new TrackingOption(
                optionId, category.getString("Name", null), option.getString("Name", null));
          }
        }
      }
      return new TrackingOption(optionId, null, null);
    }

    boolean matches(JsonValue lineTracking) {
      for (JsonObject entry : objects(lineTracking)) {
        String id = XeroJson.string(entry, "TrackingOptionID");
        if (id != null && id.trim().equalsIgnoreCase(optionId)) {
          return true;
        }
        String name = XeroJson.string(entry, "Name");
        String value = XeroJson.string(entry, "Option");
        if (category != null
            && name != null
            && value != null
            && name.trim().equalsIgnoreCase(category)
            && value.trim().equalsIgnoreCase(option)) {
          return true;
        }
      }
      return false;
    }
  }

  private boolean tracked(JsonObject line) {
    return tracking.stream().allMatch(t -> t.matches(line.get("Tracking")));
  }

  public Map<String, BigDecimal> balances() {
    return balances;
  }

  private boolean inScope(JsonObject json) {
    try {
      LocalDate date = XeroJson.parseDate(XeroJson.string(json, "Date"));
      return date != null && !date.isAfter(asAt);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private void post(String code, BigDecimal amount) {
    if (code != null && !code.isBlank() && amount != null && amount.signum() != 0) {
      balances.merge(code, amount, BigDecimal::add);
    }
  }

  /** Adds POSTED manual journals dated on or before the date. */
  public Ledger journals(List<JsonObject> journals) {
    for (JsonObject journal : journals) {
      if (!"POSTED".equals(journal.getString("Status", "")) || !inScope(journal)) {
        continue;
      }
      for (JsonObject line : objects(journal.get("JournalLines"))) {
        if (!tracked(line)) {
          continue;
        }
        post(XeroJson.string(line, "AccountCode"), JournalRules.amount(line.get("LineAmount")));
      }
    }
    return this;
  }

  /**
   * Adds AUTHORISED/PAID invoices ({@code credit=false}) or credit notes ({@code credit=true}):
   * lines net of tax, GST, and receivable/payable; cash from the payments that reference them, else
   * from their AmountPaid on the document date. Under a tracking filter only the tracked lines
   * count (with their GST and receivable/payable); payments carry no tracking, so none count.
   */
  public Ledger documents(List<JsonObject> documents, boolean credit, List<JsonObject> payments) {
    String idField = credit ? "CreditNoteID" : "InvoiceID";
    String paymentRef = credit ? "CreditNote" : "Invoice";
    for (JsonObject doc : documents) {
      if (!POSTED_DOCUMENTS.contains(doc.getString("Status", "")) || !inScope(doc)) {
        continue;
      }
      String type = doc.getString("Type", "");
      boolean sale = type.startsWith("ACCREC");
      // Sign of the "income/expense" side: a sale credits revenue (-), a bill debits (+);
      // credit notes reverse both.
      int sign = (sale ? -1 : 1) * (credit ? -1 : 1);
      String control = sale ? RECEIVABLE : PAYABLE;
      String amountTypes = doc.getString("LineAmountTypes", "Exclusive");
      BigDecimal gross = BigDecimal.ZERO;
      for (JsonObject line : objects(doc.get("LineItems"))) {
        if (!tracked(line)) {
          continue;
        }
        BigDecimal amount = orZero(JournalRules.amount(line.get("LineAmount")));
        BigDecimal tax =
            "NoTax".equals(amountTypes)
                ? BigDecimal.ZERO
                : orZero(JournalRules.amount(line.get("TaxAmount")));
        BigDecimal net = "Inclusive".equals(amountTypes) ? amount.subtract(tax) : amount;
        post(XeroJson.string(line, "AccountCode"), net.multiply(BigDecimal.valueOf(sign)));
        post(GST, tax.multiply(BigDecimal.valueOf(sign)));
        gross = gross.add(net).add(tax);
      }
      post(control, gross.multiply(BigDecimal.valueOf(-sign)));
      if (!tracking.isEmpty()) {
        continue;
      }
      String id = doc.getString(idField, "");
      boolean hasPayments = false;
      for (JsonObject payment : payments) {
        JsonValue ref = payment.get(paymentRef);
        if (!(ref instanceof JsonObject r) || !id.equals(r.getString(idField, ""))) {
          continue;
        }
        hasPayments = true;
        if ("DELETED".equals(payment.getString("Status", "")) || !inScope(payment)) {
          continue;
        }
        BigDecimal amount = orZero(JournalRules.amount(payment.get("Amount")));
        String bank =
            payment.get("Account") instanceof JsonObject a ? a.getString("Code", BANK) : BANK;
        post(bank, amount.multiply(BigDecimal.valueOf(-sign)));
        post(control, amount.multiply(BigDecimal.valueOf(sign)));
      }
      if (!hasPayments) {
        BigDecimal paid = orZero(JournalRules.amount(doc.get("AmountPaid")));
        post(BANK, paid.multiply(BigDecimal.valueOf(-sign)));
        post(control, paid.multiply(BigDecimal.valueOf(sign)));
      }
    }
    return this;
  }

  /** Xero's Trial Balance report for these balances over the organisation's accounts. */
  public JsonObject trialBalance(String orgName, List<JsonObject> accounts, Instant now) {
    JsonArrayBuilder rows = JsonFactory.createArrayBuilder();
    rows.add(
        JsonFactory.createObjectBuilder()
            .add("RowType", "Header")
            .add("Cells", cells("Account", "Debit", "Credit", "YTD Debit", "YTD Credit").build()));
    BigDecimal totalDebit = BigDecimal.ZERO;
    BigDecimal totalCredit = BigDecimal.ZERO;
    Set<String> listed = new HashSet<>();
    for (String[] section :
        new String[][] {
          {"Revenue", "REVENUE"},
          {"Expenses", "EXPENSE"},
          {"Assets", "ASSET"},
          {"Liabilities", "LIABILITY"},
          {"Equity", "EQUITY"}
        }) {
      JsonArrayBuilder sectionRows = JsonFactory.createArrayBuilder();
      int count = 0;
      for (JsonObject account : accounts) {
        String code = account.getString("Code", "");
        BigDecimal balance = balances.get(code);
        if (!section[1].equals(account.getString("Class", ""))
            || balance == null
            || balance.signum() == 0) {
          continue;
        }
        listed.add(code);
        String debit = balance.signum() > 0 ? money(balance) : "";
        String credit = balance.signum() < 0 ? money(balance.negate()) : "";
        totalDebit = totalDebit.add(balance.max(BigDecimal.ZERO));
        totalCredit = totalCredit.add(balance.min(BigDecimal.ZERO).negate());
        String accountId = account.getString("AccountID", "");
        JsonArrayBuilder rowCells = JsonFactory.createArrayBuilder();
        rowCells.add(cell(account.getString("Name", "") + " (" + code + ")", accountId));
        for (String value : new String[] {debit, credit, debit, credit}) {
          rowCells.add(cell(value, accountId));
        }
        sectionRows.add(
            JsonFactory.createObjectBuilder().add("RowType", "Row").add("Cells", rowCells));
        count++;
      }
      if (count > 0) {
        rows.add(
            JsonFactory.createObjectBuilder()
                .add("RowType", "Section")
                .add("Title", section[0])
                .add("Rows", sectionRows));
      }
    }
    // Balances on codes that are not (or no longer) in the chart still count, as "Unknown".
    JsonArrayBuilder unknownRows = JsonFactory.createArrayBuilder();
    boolean unknown = false;
    for (Map.Entry<String, BigDecimal> entry : balances.entrySet()) {
      if (listed.contains(entry.getKey()) || entry.getValue().signum() == 0) {
        continue;
      }
      unknown = true;
      BigDecimal balance = entry.getValue();
      String debit = balance.signum() > 0 ? money(balance) : "";
      String credit = balance.signum() < 0 ? money(balance.negate()) : "";
      totalDebit = totalDebit.add(balance.max(BigDecimal.ZERO));
      totalCredit = totalCredit.add(balance.min(BigDecimal.ZERO).negate());
      unknownRows.add(
          JsonFactory.createObjectBuilder()
              .add("RowType", "Row")
              .add("Cells", cells(entry.getKey(), debit, credit, debit, credit)));
    }
    if (unknown) {
      rows.add(
          JsonFactory.createObjectBuilder()
              .add("RowType", "Section")
              .add("Title", "Other")
              .add("Rows", unknownRows));
    }
    String d = money(totalDebit);
    String c = money(totalCredit);
    rows.add(
        JsonFactory.createObjectBuilder()
            .add("RowType", "Section")
            .add("Title", "")
            .add(
                "Rows",
                JsonFactory.createArrayBuilder()
                    .add(
                        JsonFactory.createObjectBuilder()
                            .add("RowType", "SummaryRow")
                            .add("Cells", cells("Total", d, c, d, c)))));
    String date = REPORT_DATE.format(asAt);
    return JsonFactory.createObjectBuilder()
        .add("ReportID", "TrialBalance")
        .add("ReportName", "Trial Balance")
        .add("ReportType", "TrialBalance")
        .add(
            "ReportTitles",
            JsonFactory.createArrayBuilder().add("Trial Balance").add(orgName).add("As at " + date))
        .add("ReportDate", date)
        .add("UpdatedDateUTC", XeroJson.timestamp(now))
        .add("Fields", JsonFactory.createArrayBuilder())
        .add("Rows", rows)
        .build();
  }

  /**
   * A section of Xero's Balance Sheet: its title, the account types it holds, and whether it also
   * takes the class's accounts of any other type.
   */
  private record Group(String title, Set<String> types, boolean others) {

    boolean holds(String type, List<Group> all) {
      return types.contains(type)
          || (others && all.stream().noneMatch(g -> g.types.contains(type)));
    }
  }

  private static final List<Group> ASSETS =
      List.of(
          new Group("Bank", Set.of("BANK"), false),
          new Group("Current Assets", Set.of("CURRENT", "INVENTORY", "PREPAYMENT"), true),
          new Group("Fixed Assets", Set.of("FIXED"), false),
          new Group("Non-current Assets", Set.of("NONCURRENT"), false));
  private static final List<Group> LIABILITIES =
      List.of(
          new Group("Current Liabilities", Set.of("CURRLIAB", "LIABILITY", "PAYG"), true),
          new Group("Non-current Liabilities", Set.of("TERMLIAB"), false));
  private static final Set<String> BALANCE_SHEET_CLASSES = Set.of("ASSET", "LIABILITY", "EQUITY");

  /**
   * Xero's Balance Sheet report (standard layout, one period) for these balances over the
   * organisation's accounts. Assets show their debit balance; liabilities and equity their credit
   * balance, so both read positive in the usual case. Current Year Earnings is minus the sum of
   * every other balance (revenue, expenses, codes not in the chart), which makes Net Assets equal
   * Total Equity; unlike Xero, earnings of earlier financial years are not moved to Retained
   * Earnings.
   *
   * @throws IllegalStateException unless the ledger is at a month end ({@link #forBalanceSheet})
   */
  public JsonObject balanceSheet(String orgName, List<JsonObject> accounts, Instant now) {
    if (!asAt.equals(balanceSheetDate(asAt))) {
      throw new IllegalStateException("A balance sheet is at a month end, not " + asAt);
    }
    List<JsonObject> chart =
        accounts.stream()
            .sorted(Comparator.comparing((JsonObject a) -> a.getString("Name", "")))
            .toList();
    Set<String> sheetCodes = new HashSet<>();
    for (JsonObject account : chart) {
      if (BALANCE_SHEET_CLASSES.contains(account.getString("Class", ""))) {
        sheetCodes.add(account.getString("Code", ""));
      }
    }
    BigDecimal earnings = BigDecimal.ZERO;
    for (Map.Entry<String, BigDecimal> entry : balances.entrySet()) {
      if (!sheetCodes.contains(entry.getKey())) {
        earnings = earnings.subtract(entry.getValue());
      }
    }
    JsonArrayBuilder rows = JsonFactory.createArrayBuilder();
    rows.add(
        JsonFactory.createObjectBuilder()
            .add("RowType", "Header")
            .add("Cells", cells("", COLUMN_DATE.format(asAt))));
    BigDecimal assets = groups(rows, "Assets", "ASSET", ASSETS, chart);
    BigDecimal liabilities = groups(rows, "Liabilities", "LIABILITY", LIABILITIES, chart);
    rows.add(
        section(
            "",
            JsonFactory.createArrayBuilder()
                .add(row("Row", cells("Net Assets", money(assets.subtract(liabilities)))))));
    JsonArrayBuilder equityRows = JsonFactory.createArrayBuilder();
    equityRows.add(accountRow("Current Year Earnings", XeroJson.ZERO_ID, earnings));
    BigDecimal equity = earnings;
    for (JsonObject account : chart) {
      BigDecimal balance = balances.get(account.getString("Code", ""));
      if ("EQUITY".equals(account.getString("Class", ""))
          && balance != null
          && balance.signum() != 0) {
        equityRows.add(
            accountRow(
                account.getString("Name", ""),
                account.getString("AccountID", ""),
                balance.negate()));
        equity = equity.subtract(balance);
      }
    }
    equityRows.add(row("SummaryRow", cells("Total Equity", money(equity))));
    rows.add(section("Equity", equityRows));
    return JsonFactory.createObjectBuilder()
        .add("ReportID", "BalanceSheet")
        .add("ReportName", "Balance Sheet")
        .add("ReportType", "BalanceSheet")
        .add(
            "ReportTitles",
            JsonFactory.createArrayBuilder()
                .add("Balance Sheet")
                .add(orgName)
                .add("As at " + REPORT_DATE.format(asAt)))
        // As in Xero's example: the day the report was run, the titles carry the date asked for.
        .add("ReportDate", REPORT_DATE.format(LocalDate.ofInstant(now, ZoneOffset.UTC)))
        .add("UpdatedDateUTC", XeroJson.timestamp(now))
        .add("Fields", JsonFactory.createArrayBuilder())
        .add("Rows", rows)
        .build();
  }

  /**
   * Adds an empty titled section ("Assets"), a section per group that has balances with its total,
   * and the overall total; returns that total (liabilities: credit balances positive).
   */
  private BigDecimal groups(
      JsonArrayBuilder rows,
      String title,
      String accountClass,
      List<Group> groups,
      List<JsonObject> chart) {
    rows.add(section(title, JsonFactory.createArrayBuilder()));
    boolean credit = !accountClass.equals("ASSET");
    BigDecimal total = BigDecimal.ZERO;
    for (Group group : groups) {
      JsonArrayBuilder groupRows = JsonFactory.createArrayBuilder();
      BigDecimal subtotal = BigDecimal.ZERO;
      int count = 0;
      for (JsonObject account : chart) {
        BigDecimal balance = balances.get(account.getString("Code", ""));
        if (!accountClass.equals(account.getString("Class", ""))
            || !group.holds(account.getString("Type", ""), groups)
            || balance == null
            || balance.signum() == 0) {
          continue;
        }
        BigDecimal shown = credit ? balance.negate() : balance;
        groupRows.add(
            accountRow(account.getString("Name", ""), account.getString("AccountID", ""), shown));
        subtotal = subtotal.add(shown);
        count++;
      }
      if (count > 0) {
        groupRows.add(row("SummaryRow", cells("Total " + group.title(), money(subtotal))));
        rows.add(section(group.title(), groupRows));
        total = total.add(subtotal);
      }
    }
    rows.add(
        section(
            "",
            JsonFactory.createArrayBuilder()
                .add(row("SummaryRow", cells("Total " + title, money(total))))));
    return total;
  }

  private static JsonObjectBuilder accountRow(String name, String accountId, BigDecimal value) {
    return row(
        "Row",
        JsonFactory.createArrayBuilder()
            .add(cell(name, accountId))
            .add(cell(money(value), accountId)));
  }

  private static JsonObjectBuilder row(String rowType, JsonArrayBuilder cells) {
    return JsonFactory.createObjectBuilder().add("RowType", rowType).add("Cells", cells);
  }

  private static JsonObjectBuilder section(String title, JsonArrayBuilder rows) {
    return JsonFactory.createObjectBuilder()
        .add("RowType", "Section")
        .add("Title", title)
        .add("Rows", rows);
  }

  private static JsonObjectBuilder cell(String value, String accountId) {
    return JsonFactory.createObjectBuilder()
        .add("Value", value)
        .add(
            "Attributes",
            JsonFactory.createArrayBuilder()
                .add(
                    JsonFactory.createObjectBuilder()
                        .add("Value", accountId)
                        .add("Id", "account")));
  }

  private static JsonArrayBuilder cells(String... values) {
    JsonArrayBuilder cells = JsonFactory.createArrayBuilder();
    for (String value : values) {
      cells.add(JsonFactory.createObjectBuilder().add("Value", value));
    }
    return cells;
  }

  private static String money(BigDecimal amount) {
    return XeroJson.money(amount).toPlainString();
  }

  private static BigDecimal orZero(BigDecimal amount) {
    return amount == null ? BigDecimal.ZERO : amount;
  }

  private static List<JsonObject> objects(JsonValue value) {
    return value instanceof JsonArray array
        ? array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList()
        : List.of();
  }
}
