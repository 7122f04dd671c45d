package io.ledgerbridge.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting helpers for pages ({@code #{fmt.money(x)}}): money with separators, ISO dates. */
@Named("fmt")
@ApplicationScoped
public class Formats {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

  public String money(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    // Two decimals, or up to four where the source sent them (unit prices like 10.005).
    DecimalFormat format =
        new DecimalFormat("#,##0.00##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(amount);
  }

  /** A decimal without trailing zeros: 2.0000 → 2, 10.5000 → 10.5. */
  public String decimal(BigDecimal value) {
    if (value == null) {
      return "";
    }
    BigDecimal plain = value.stripTrailingZeros();
    return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
  }

  public String date(LocalDate date) {
    return date == null ? "" : date.toString();
  }

  /** A month as people say it: November 2026. */
  public String month(YearMonth month) {
    return month == null ? "" : MONTH.format(month);
  }

  public String timestamp(Instant instant) {
    return instant == null ? "" : TIMESTAMP.format(instant);
  }
}
