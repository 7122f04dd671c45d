package io.ledgerbridge.xero.client;

import io.ledgerbridge.xero.client.wire.Report;
import io.ledgerbridge.xero.client.wire.ReportAttribute;
import io.ledgerbridge.xero.client.wire.ReportCell;
import io.ledgerbridge.xero.client.wire.ReportRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * An account's balance read from a Xero report: the Row whose first cell carries the account's
 * AccountID as its {@code account} attribute, matched by id because names can be changed in Xero. A
 * Balance Sheet shows a value as it reads there: positive for an asset in debit, and for a
 * liability or equity account in credit.
 */
public final class ReportBalances {

  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private ReportBalances() {}

  /**
   * The value in the first amount column of the account's row, scale 2; 0.00 when the report has no
   * row for the account (Xero leaves out accounts without a balance).
   *
   * @throws NumberFormatException when the row's value is not a number
   */
  public static BigDecimal balance(Report report, String accountId) {
    ReportRow row = row(report.rows, accountId);
    if (row == null || row.cells.size() < 2) {
      return ZERO;
    }
    String value = row.cells.get(1).value;
    if (value == null || value.isBlank()) {
      return ZERO;
    }
    return new BigDecimal(value.trim()).setScale(2, RoundingMode.HALF_UP);
  }

  private static ReportRow row(List<ReportRow> rows, String accountId) {
    if (rows == null) {
      return null;
    }
    for (ReportRow row : rows) {
      if ("Row".equals(row.rowType) && isAccount(row, accountId)) {
        return row;
      }
      ReportRow nested = row(row.rows, accountId);
      if (nested != null) {
        return nested;
      }
    }
    return null;
  }

  private static boolean isAccount(ReportRow row, String accountId) {
    if (row.cells == null || row.cells.isEmpty()) {
      return false;
    }
    ReportCell first = row.cells.get(0);
    if (first.attributes == null) {
      return false;
    }
    for (ReportAttribute attribute : first.attributes) {
      if ("account".equals(attribute.id) && accountId.equalsIgnoreCase(attribute.value)) {
        return true;
      }
    }
    return false;
  }
}
