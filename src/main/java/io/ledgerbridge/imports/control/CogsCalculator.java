package io.ledgerbridge.imports.control;

import io.ledgerbridge.imports.control.DocumentMapper.Problem;
import io.ledgerbridge.intake.entity.Kind;
import io.ledgerbridge.intake.entity.Line;
import io.ledgerbridge.intake.entity.TransactionContent;
import io.ledgerbridge.settings.control.AccountResolver;
import io.ledgerbridge.settings.entity.AccountRole;
import io.ledgerbridge.settings.entity.AccountingSettings;
import io.ledgerbridge.settings.entity.SourceField;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cost of goods sold of each month under the perpetual method (issue 12 §2), and what a month's
 * open journal must hold once some of it is posted in Xero (inventory-accounting.md §3.4). Pure.
 *
 * <ul>
 *   <li>A sale line counts in the month of the Xero date its invoice gets (so revenue and cost land
 *       in the same month); a restocked customer-credit line counts against it. Voided transactions
 *       are left out by the caller.
 *   <li>Costs are summed unrounded per key — (COGS account, inventory account, tracking options) —
 *       and each sum is rounded once, half-up, to 2 dp; never each sale first. Branches are told
 *       apart only as far as Xero's books tell them apart: not at all when branches are not
 *       tracked, and two branches with the same tracking options are one key ({@link #location}).
 *   <li>Each key posts debit COGS, credit inventory. Lines are merged per (account, location), so
 *       the inventory side is exactly minus the rounded COGS side and every journal balances.
 *   <li>Once journals of the month are posted, the open journal holds target − posted, per
 *       (account, location), on the rounded amounts: the original and its deltas then add up to the
 *       rounded month exactly.
 * </ul>
 */
public final class CogsCalculator {

  /**
   * One source line that moves cost: a sale line, or a customer-credit line.
   *
   * @param transactionId to count documents, not lines
   * @param cost the line's extended cost, unrounded, or null when the source sent none
   */
  public record CostLine(
      long transactionId,
      Kind kind,
      LocalDate date,
      LocalDate dispatchDate,
      String branch,
      String sku,
      String contactCode,
      BigDecimal cost,
      boolean restocked) {

    /** A line whose accounts are the defaults or the branch's override. */
    public CostLine(
        long transactionId,
        Kind kind,
        LocalDate date,
        LocalDate dispatchDate,
        String branch,
        BigDecimal cost,
        boolean restocked) {
      this(transactionId, kind, date, dispatchDate, branch, null, null, cost, restocked);
    }
  }

  /** One journal line: an account, the stock location it tracks (or null), a signed amount. */
  public record Posting(String account, String location, BigDecimal amount) {

    public Posting {
      amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    Key key() {
      return new Key(account, location);
    }
  }

  /**
   * A month's cost: the journal lines of its target (COGS debits first), what it was computed from,
   * and what stops it being posted.
   *
   * @param cost the month's cost of goods sold, rounded per key (negative when returns exceed
   *     sales)
   * @param uncosted source lines without a cost (services, or a source that sends none)
   */
  public record Month(
      YearMonth month,
      List<Posting> target,
      BigDecimal cost,
      int sales,
      int returns,
      int uncosted,
      List<Problem> blocking) {

    public Month {
      target = List.copyOf(target);
      blocking = List.copyOf(blocking);
    }

    public LocalDate lastDay() {
      return month.atEndOfMonth();
    }
  }

  private record Key(String account, String location) {}

  private record Group(String cogs, String inventory, String location) {}

  private static final Comparator<String> NULLS_FIRST =
      Comparator.nullsFirst(Comparator.naturalOrder());

  private final AccountingSettings settings;
  private final boolean tracksBranches;
  private final Map<String, String> locations = new HashMap<>();

  public CogsCalculator(AccountingSettings settings) {
    this.settings = settings;
    this.tracksBranches =
        settings.tracking().stream().anyMatch(t -> t.sourceField() == SourceField.BRANCH);
  }

  /**
   * The location a branch's cost is summed and tracked under: none when branches are not tracked
   * (one sum for the month, rounded once); the branch itself when it has no tracking option (the
   * preview blocks it until it is mapped); else the first branch, by name, with the same tracking
   * options — so that branches Xero does not tell apart are summed before rounding.
   */
  public String location(String branch) {
    String b = blank(branch);
    if (b == null || !tracksBranches) {
      return null;
    }
    return locations.computeIfAbsent(b, this::canonical);
  }

  private String canonical(String branch) {
    Map<String, String> options = settings.trackingFor(Map.of(SourceField.BRANCH, branch));
    if (options.isEmpty()) {
      return branch;
    }
    return settings.tracking().stream()
        .filter(t -> t.sourceField() == SourceField.BRANCH)
        .flatMap(t -> t.options().keySet().stream())
        .filter(other -> settings.trackingFor(Map.of(SourceField.BRANCH, other)).equals(options))
        .min(Comparator.naturalOrder())
        .orElse(branch);
  }

  /** Every month from {@code from} to {@code to}, each with its target (empty when no cost). */
  public List<Month> months(YearMonth from, YearMonth to, Iterable<CostLine> lines) {
    Map<YearMonth, Map<Group, BigDecimal>> sums = new TreeMap<>();
    Map<YearMonth, Set<Long>> sales = new TreeMap<>();
    Map<YearMonth, Set<Long>> returns = new TreeMap<>();
    Map<YearMonth, Integer> uncosted = new TreeMap<>();
    Map<YearMonth, Set<AccountRole>> unresolved = new TreeMap<>();
    AccountResolver resolver = new AccountResolver(settings, null);
    for (CostLine line : lines) {
      if (line.kind() != Kind.SALE && line.kind() != Kind.CUSTOMER_CREDIT) {
        continue;
      }
      LocalDate date = settings.xeroDateFor(line.date(), line.dispatchDate());
      if (date == null) {
        continue;
      }
      YearMonth month = YearMonth.from(date);
      if (month.isBefore(from) || month.isAfter(to)) {
        continue;
      }
      boolean sale = line.kind() == Kind.SALE;
      (sale ? sales : returns)
          .computeIfAbsent(month, m -> new HashSet<>())
          .add(line.transactionId());
      if (line.cost() == null) {
        uncosted.merge(month, 1, Integer::sum);
        continue;
      }
      if (!sale && !line.restocked()) {
        continue; // scrapped, not back in stock: the cost stays in COGS
      }
      BigDecimal signed = sale ? line.cost() : line.cost().negate();
      String cogs = account(resolver, AccountRole.COGS, line, month, unresolved);
      String inventory = account(resolver, AccountRole.INVENTORY, line, month, unresolved);
      sums.computeIfAbsent(month, m -> new LinkedHashMap<>())
          .merge(new Group(cogs, inventory, location(line.branch())), signed, BigDecimal::add);
    }
    List<Month> out = new ArrayList<>();
    for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
      Map<Group, BigDecimal> groups = sums.getOrDefault(month, Map.of());
      List<Problem> blocking = new ArrayList<>();
      for (AccountRole role : unresolved.getOrDefault(month, Set.of())) {
        blocking.add(
            new Problem(
                "NO_ACCOUNT",
                role.label()
                    + ": the account is not set in Settings › Accounts, and no product, contact or"
                    + " branch override names one."));
      }
      List<Posting> target = blocking.isEmpty() ? target(groups) : List.of();
      BigDecimal cost =
          groups.values().stream()
              .map(v -> v.setScale(2, RoundingMode.HALF_UP))
              .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
      out.add(
          new Month(
              month,
              target,
              cost,
              sales.getOrDefault(month, Set.of()).size(),
              returns.getOrDefault(month, Set.of()).size(),
              uncosted.getOrDefault(month, 0),
              blocking));
    }
    return out;
  }

  /** The line's COGS or inventory account: product › contact › branch override › default. */
  private static String account(
      AccountResolver resolver,
      AccountRole role,
      CostLine line,
      YearMonth month,
      Map<YearMonth, Set<AccountRole>> unresolved) {
    AccountResolver.Resolution r =
        resolver.resolveCost(role, line.sku(), line.contactCode(), line.branch());
    if (r.accountCode() == null) {
      unresolved.computeIfAbsent(month, m -> java.util.EnumSet.noneOf(AccountRole.class)).add(role);
    }
    return r.accountCode();
  }

  /** Debit COGS, credit inventory, per group rounded once; merged per (account, location). */
  static List<Posting> target(Map<Group, BigDecimal> groups) {
    Map<Key, BigDecimal> debits = new TreeMap<>(KEY_ORDER);
    Map<Key, BigDecimal> credits = new TreeMap<>(KEY_ORDER);
    for (Map.Entry<Group, BigDecimal> e : groups.entrySet()) {
      BigDecimal rounded = e.getValue().setScale(2, RoundingMode.HALF_UP);
      if (rounded.signum() == 0) {
        continue;
      }
      Group g = e.getKey();
      debits.merge(new Key(g.cogs(), g.location()), rounded, BigDecimal::add);
      credits.merge(new Key(g.inventory(), g.location()), rounded.negate(), BigDecimal::add);
    }
    return postings(debits, credits);
  }

  /**
   * What the month's open journal must hold: {@code target} less every posted journal, per
   * (account, location). Empty when Xero already holds the target.
   */
  public static List<Posting> delta(List<Posting> target, List<List<Posting>> posted) {
    Map<Key, BigDecimal> net = new LinkedHashMap<>();
    for (Posting p : target) {
      net.merge(p.key(), p.amount(), BigDecimal::add);
    }
    for (List<Posting> journal : posted) {
      for (Posting p : journal) {
        net.merge(p.key(), p.amount().negate(), BigDecimal::add);
      }
    }
    // The COGS side first, as in the target, whatever the delta's sign: a key is on it when the
    // target or a posted journal debits it.
    Set<Key> cogsSide = new HashSet<>();
    target.stream().filter(p -> p.amount().signum() > 0).forEach(p -> cogsSide.add(p.key()));
    posted.stream()
        .flatMap(List::stream)
        .filter(p -> p.amount().signum() > 0)
        .forEach(p -> cogsSide.add(p.key()));
    Map<Key, BigDecimal> cogs = new TreeMap<>(KEY_ORDER);
    Map<Key, BigDecimal> inventory = new TreeMap<>(KEY_ORDER);
    for (Map.Entry<Key, BigDecimal> e : net.entrySet()) {
      if (e.getValue().signum() != 0) {
        (cogsSide.contains(e.getKey()) ? cogs : inventory).put(e.getKey(), e.getValue());
      }
    }
    return postings(cogs, inventory);
  }

  /** Several journals' postings added up per (account, location), zeros left out. */
  public static List<Posting> sum(List<List<Posting>> journals) {
    Map<Key, BigDecimal> net = new TreeMap<>(KEY_ORDER);
    journals.stream()
        .flatMap(List::stream)
        .forEach(p -> net.merge(p.key(), p.amount(), BigDecimal::add));
    List<Posting> out = new ArrayList<>();
    net.forEach(
        (k, v) -> {
          if (v.signum() != 0) {
            out.add(new Posting(k.account(), k.location(), v));
          }
        });
    return out;
  }

  /** The sum of the debit lines: a journal's value, and a month's COGS when it is a target. */
  public static BigDecimal debits(List<Posting> postings) {
    return postings.stream()
        .map(Posting::amount)
        .filter(a -> a.signum() > 0)
        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

  /** The net amount posted to the accounts that are not {@code inventoryAccount}: the COGS. */
  public static BigDecimal cogs(List<Posting> postings, String inventoryAccount) {
    return postings.stream()
        .filter(p -> !Objects.equals(p.account(), inventoryAccount))
        .map(Posting::amount)
        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

  /**
   * The content of a COGS journal as LedgerBridge stores it: {@code number} ({@code COGS 2026-11}
   * or {@code COGS 2026-11 delta 1}) and the organisation make its Narration token; one line per
   * posting, its signed amount as the line's cost.
   */
  public static TransactionContent content(
      String number,
      String organisation,
      String baseCurrency,
      LocalDate date,
      List<Posting> postings) {
    List<Line> lines = new ArrayList<>();
    for (Posting p : postings) {
      lines.add(
          new Line(
              null,
              number + (p.location() == null ? "" : " · " + p.location()),
              BigDecimal.ONE,
              null,
              null,
              null,
              p.account(),
              null,
              p.amount(),
              null,
              p.location()));
    }
    return new TransactionContent(
        number,
        organisation,
        null,
        date,
        null,
        null,
        baseCurrency,
        null,
        null,
        null,
        null,
        false,
        lines,
        debits(postings),
        false);
  }

  /** The postings of a stored COGS journal's content. */
  public static List<Posting> postings(TransactionContent content) {
    return content.lines().stream()
        .map(
            l ->
                new Posting(
                    l.accountCode(),
                    l.location(),
                    l.costAmount().setScale(2, RoundingMode.HALF_UP)))
        .toList();
  }

  private static final Comparator<Key> KEY_ORDER =
      Comparator.comparing(Key::location, NULLS_FIRST).thenComparing(Key::account, NULLS_FIRST);

  private static List<Posting> postings(Map<Key, BigDecimal> first, Map<Key, BigDecimal> second) {
    List<Posting> out = new ArrayList<>();
    first.forEach((k, v) -> out.add(new Posting(k.account(), k.location(), v)));
    second.forEach((k, v) -> out.add(new Posting(k.account(), k.location(), v)));
    return out;
  }

  private static String blank(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
