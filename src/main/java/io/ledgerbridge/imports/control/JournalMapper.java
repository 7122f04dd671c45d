package io.ledgerbridge.imports.control;

import io.ledgerbridge.imports.control.DocumentMapper.Mapping;
import io.ledgerbridge.imports.control.DocumentMapper.Problem;
import io.ledgerbridge.imports.control.XeroTotals.Totals;
import io.ledgerbridge.intake.entity.Line;
import io.ledgerbridge.intake.entity.StockMovement;
import io.ledgerbridge.intake.entity.TransactionContent;
import io.ledgerbridge.settings.control.AccountResolver;
import io.ledgerbridge.settings.control.AccountResolver.Resolution;
import io.ledgerbridge.settings.entity.AccountRole;
import io.ledgerbridge.settings.entity.AccountingSettings;
import io.ledgerbridge.settings.entity.SourceField;
import io.ledgerbridge.xero.client.wire.ManualJournal;
import io.ledgerbridge.xero.client.wire.ManualJournalLine;
import io.ledgerbridge.xero.client.wire.TrackingRef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a stock adjustment to the draft manual journal it becomes under the perpetual method (issue
 * 12 §3). Pure.
 *
 * <ul>
 *   <li>A line's value is its signed {@code costAmount}, else {@code unitCost × quantity}; lines
 *       are summed unrounded per adjustment account (the line's own, else the default stock
 *       adjustment account) and each sum is rounded once, half-up, to 2 dp.
 *   <li>Stock in (positive): debit the inventory account, credit the adjustment account; stock out
 *       the reverse. The inventory line is minus the sum of the rounded adjustment lines, so the
 *       journal always balances.
 *   <li>Tracking: the adjustment's {@code location} (else its branch) through the branch tracking
 *       mapping, on every line.
 *   <li>A {@code TRANSFER} posts inventory to inventory: debit at {@code toLocation}, credit at
 *       {@code fromLocation}, each with its tracking option, for the value moved (the sum of the
 *       positive lines). Between locations Xero does not tell apart it posts nothing, and says so.
 *   <li>{@code NoTax}, dated the adjustment's date, Narration {@code Stock adjustment <number> ·
 *       <type> · <reason> [LedgerBridge <sourceId>]}: unique per adjustment, so a journal whose
 *       send got no answer is found again by it.
 * </ul>
 */
public final class JournalMapper {

  /** Xero has no documented Narration limit; LedgerBridge keeps it to what it stores. */
  static final int MAX_NARRATION = 255;

  private static final Pattern COGS_NUMBER = Pattern.compile("COGS (\\d{4}-\\d{2})( delta \\d+)?");
  private static final Pattern CLOSING_NUMBER =
      Pattern.compile("Closing stock (\\d{4}-\\d{2})( delta \\d+)?");

  private final AccountingSettings settings;
  private final AccountResolver resolver;

  public JournalMapper(AccountingSettings settings, AccountResolver resolver) {
    this.settings = settings;
    this.resolver = resolver;
  }

  public Mapping map(String sourceId, TransactionContent content, String url) {
    List<Problem> blocking = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    StockMovement movement = content.movement();
    if (content.lines().isEmpty()) {
      blocking.add(new Problem("NO_LINES", "The transaction has no lines."));
    }
    // Each line's value, unrounded; a line without one blocks the journal.
    List<BigDecimal> values = new ArrayList<>();
    int n = 0;
    for (Line line : content.lines()) {
      n++;
      BigDecimal value = line.cost();
      if (value == null) {
        blocking.add(
            new Problem(
                "NO_COST",
                "Line "
                    + n
                    + " has neither costAmount nor unitCost: the value of the stock it moves is"
                    + " unknown."));
        value = BigDecimal.ZERO;
      }
      values.add(value);
    }
    Resolution inventory = resolver.resolveDefault(AccountRole.INVENTORY);
    if (!inventory.ok()) {
      blocking.add(new Problem("NO_ACCOUNT", "Inventory: " + inventory.reason()));
    }

    String description = description(content, sourceId);
    List<ManualJournalLine> lines = new ArrayList<>();
    if (movement.transfer()) {
      transfer(content, values, inventory, description, lines, blocking);
    } else {
      adjustment(content, values, inventory, description, lines, blocking);
    }
    BigDecimal debits = debits(lines);
    if (blocking.isEmpty() && debits.signum() == 0) {
      blocking.add(
          new Problem(
              "ZERO_TOTAL",
              movement.transfer()
                  ? "The transfer moves no value: nothing to post."
                  : "The adjustment's value rounds to zero: nothing to post."));
    }

    ManualJournal journal = new ManualJournal();
    journal.narration = narration(content, sourceId);
    journal.date = content.date();
    journal.status = "DRAFT";
    journal.lineAmountTypes = "NoTax";
    journal.url = url;
    journal.journalLines = List.copyOf(lines);
    return mapping(journal, blocking, warnings);
  }

  /**
   * A COGS journal LedgerBridge made ({@link CogsCalculator}): its lines are the journal's, already
   * rounded; each account is checked as Xero checks journal accounts, each location must have its
   * tracking option. No lines: nothing to post, or — when the month's draft is in Xero — the draft
   * is to be deleted (status DELETED).
   */
  public Mapping mapCogs(TransactionContent content, String url) {
    List<Problem> blocking = new ArrayList<>();
    List<ManualJournalLine> lines = new ArrayList<>();
    Map<String, Resolution> accounts = new LinkedHashMap<>();
    for (Line line : content.lines()) {
      Resolution account =
          accounts.computeIfAbsent(line.accountCode(), resolver::resolveJournalLine);
      if (!account.ok()) {
        blocking.add(new Problem("NO_ACCOUNT", account.reason()));
      }
      List<TrackingRef> tracking = tracking(line.location());
      if (line.location() != null && tracksBranches() && tracking.isEmpty()) {
        blocking.add(
            new Problem(
                "TRACKING_OPTION_UNKNOWN",
                "Sales at location "
                    + line.location()
                    + " have no tracking option in Settings › Tracking: map it, so that its cost"
                    + " is tracked as its sales are."));
      }
      lines.add(
          line(
              line.accountCode(),
              line.costAmount().setScale(2, RoundingMode.HALF_UP),
              line.description(),
              tracking));
    }

    ManualJournal journal = new ManualJournal();
    journal.narration = content.number() == null ? null : cogsNarration(content);
    journal.date = content.date();
    journal.status = lines.isEmpty() ? "DELETED" : "DRAFT";
    journal.lineAmountTypes = "NoTax";
    journal.url = url;
    journal.journalLines = lines.isEmpty() ? null : List.copyOf(lines);
    return mapping(journal, dedupe(blocking), List.of());
  }

  /** A journal's mapping: its totals are the sum of its debits. */
  private static Mapping mapping(
      ManualJournal journal, List<Problem> blocking, List<Problem> warnings) {
    BigDecimal debits = debits(journal.journalLines == null ? List.of() : journal.journalLines);
    Totals totals = new Totals(debits, BigDecimal.ZERO.setScale(2), debits, List.of());
    return new Mapping(
        null,
        null,
        journal,
        totals,
        debits,
        BigDecimal.ZERO.setScale(2),
        BigDecimal.ZERO.setScale(2),
        false,
        blocking,
        warnings);
  }

  private static BigDecimal debits(List<ManualJournalLine> lines) {
    return lines.stream()
        .map(l -> l.lineAmount)
        .filter(a -> a.signum() > 0)
        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

  /**
   * {@code <what> [LedgerBridge <number> <organisation>]}: the number ({@code COGS 2026-11}, or
   * {@code COGS 2026-11 delta 1}) and the organisation make the token unique and stable. Only the
   * number decides it (a journal booked on the first open day after a lock says so in its lines).
   */
  static String cogsNarration(TransactionContent content) {
    String token = " [LedgerBridge " + content.number() + " " + content.reference() + "]";
    String head = "Cost of goods sold";
    Matcher m = COGS_NUMBER.matcher(content.number());
    Matcher closing = CLOSING_NUMBER.matcher(content.number());
    if (m.matches()) {
      YearMonth month = YearMonth.parse(m.group(1));
      String name = month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      // From the number alone, never the date: the Narration must not change between versions.
      head =
          m.group(2) == null
              ? "Cost of goods sold " + name + " " + month.getYear()
              : "COGS " + month + " adjustment: change after the " + name + " journal was posted";
    } else if (closing.matches()) {
      YearMonth month = YearMonth.parse(closing.group(1));
      String name = month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      head =
          closing.group(2) == null
              ? "Change in stock value at the end of " + name + " " + month.getYear()
              : "Closing stock "
                  + month
                  + " adjustment: change after the "
                  + name
                  + " journal was posted";
    }
    return (head + token).replace('"', '\'');
  }

  private boolean tracksBranches() {
    return settings.tracking().stream().anyMatch(t -> t.sourceField() == SourceField.BRANCH);
  }

  private static List<Problem> dedupe(List<Problem> problems) {
    Map<String, Problem> out = new LinkedHashMap<>();
    problems.forEach(p -> out.putIfAbsent(p.code() + "\u0000" + p.message(), p));
    return new ArrayList<>(out.values());
  }

  private void adjustment(
      TransactionContent content,
      List<BigDecimal> values,
      Resolution inventory,
      String description,
      List<ManualJournalLine> lines,
      List<Problem> blocking) {
    List<TrackingRef> tracking =
        tracking(
            content.movement().location() != null
                ? content.movement().location()
                : content.branch());
    // Sum per adjustment account, unrounded; rounded once per account.
    Map<String, BigDecimal> perAccount = new LinkedHashMap<>();
    int n = 0;
    for (Line line : content.lines()) {
      BigDecimal value = values.get(n++);
      Resolution account =
          line.accountCode() != null && !line.accountCode().isBlank()
              ? resolver.resolveJournalLine(line.accountCode())
              : resolver.resolveDefault(AccountRole.STOCK_ADJUSTMENT);
      if (!account.ok()) {
        blocking.add(new Problem("NO_ACCOUNT", "Line " + n + ": " + account.reason()));
        continue;
      }
      perAccount.merge(account.accountCode(), value, BigDecimal::add);
    }
    BigDecimal inventoryAmount = BigDecimal.ZERO.setScale(2);
    List<ManualJournalLine> against = new ArrayList<>();
    for (Map.Entry<String, BigDecimal> e : perAccount.entrySet()) {
      BigDecimal rounded = e.getValue().setScale(2, RoundingMode.HALF_UP);
      if (rounded.signum() == 0) {
        continue;
      }
      against.add(line(e.getKey(), rounded.negate(), description, tracking));
      inventoryAmount = inventoryAmount.add(rounded);
    }
    if (inventoryAmount.signum() != 0 && inventory.ok()) {
      lines.add(line(inventory.accountCode(), inventoryAmount, description, tracking));
    }
    lines.addAll(against);
  }

  private void transfer(
      TransactionContent content,
      List<BigDecimal> values,
      Resolution inventory,
      String description,
      List<ManualJournalLine> lines,
      List<Problem> blocking) {
    StockMovement movement = content.movement();
    BigDecimal moved =
        values.stream()
            .filter(v -> v.signum() > 0)
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .setScale(2, RoundingMode.HALF_UP);
    List<TrackingRef> from = tracking(movement.fromLocation());
    List<TrackingRef> to = tracking(movement.toLocation());
    if (from.isEmpty() || to.isEmpty() || options(from).equals(options(to))) {
      blocking.add(
          new Problem(
              "TRANSFER_NOT_TRACKED",
              "A transfer from "
                  + movement.fromLocation()
                  + " to "
                  + movement.toLocation()
                  + " posts nothing: Xero's books do not tell these locations apart (no"
                  + " tracking option for "
                  + (from.isEmpty() ? movement.fromLocation() : movement.toLocation())
                  + " in Settings › Tracking), so the stock value in Xero does not change."));
      return;
    }
    if (!inventory.ok() || moved.signum() == 0) {
      return;
    }
    lines.add(line(inventory.accountCode(), moved, description, to));
    lines.add(line(inventory.accountCode(), moved.negate(), description, from));
  }

  private static Map<String, String> options(List<TrackingRef> refs) {
    Map<String, String> out = new LinkedHashMap<>();
    refs.forEach(r -> out.put(r.name, r.option));
    return out;
  }

  private List<TrackingRef> tracking(String location) {
    Map<SourceField, String> values = new EnumMap<>(SourceField.class);
    values.put(SourceField.BRANCH, location);
    return DocumentMapper.refs(settings.trackingFor(values));
  }

  private static ManualJournalLine line(
      String account, BigDecimal amount, String description, List<TrackingRef> tracking) {
    ManualJournalLine line = new ManualJournalLine();
    line.accountCode = account;
    line.lineAmount = amount;
    line.description = description;
    line.tracking = tracking.isEmpty() ? null : tracking;
    return line;
  }

  private static String description(TransactionContent content, String sourceId) {
    StockMovement m = content.movement();
    String what = "Stock adjustment " + (content.number() != null ? content.number() : sourceId);
    if (m.transfer()) {
      return what + ": transfer " + m.fromLocation() + " → " + m.toLocation();
    }
    return m.type() == null ? what : what + ": " + m.type().label().toLowerCase(Locale.ROOT);
  }

  /**
   * Unique per adjustment (the source id is unique among stock adjustments) and free of double
   * quotes, so that {@code Narration=="…"} finds it.
   */
  static String narration(TransactionContent content, String sourceId) {
    StockMovement m = content.movement();
    String token = " [LedgerBridge " + sourceId + "]";
    StringBuilder text =
        new StringBuilder("Stock adjustment ")
            .append(content.number() != null ? content.number() : sourceId);
    if (m.type() != null) {
      text.append(" · ").append(m.type().label());
    }
    if (m.reason() != null) {
      text.append(" · ").append(m.reason());
    }
    String head = text.toString().replaceAll("\\s+", " ");
    int room = MAX_NARRATION - token.length();
    if (head.length() > room) {
      head = head.substring(0, Math.max(0, room - 1)) + "…";
    }
    return (head + token).replace('"', '\'');
  }
}
