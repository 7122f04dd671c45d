package io.ledgerbridge.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionCsvReaderTest {

  private static final String HEADER =
      "kind,sourceId,version,number,contactCode,contactName,date,currency,total,sku,quantity,unitPrice\n";

  private static TransactionCsvReader.Result read(String csv) throws IOException {
    return TransactionCsvReader.read(new StringReader(csv), 500, 10_000);
  }

  private static List<TransactionCsvReader.RowError> errors(TransactionCsvReader.Result result) {
    return result.rowErrors(
        result.transactions().stream().map(TransactionValidator::validate).toList());
  }

  @Test
  void rowsOfOneTransactionBecomeItsLinesWithExactDecimals() throws IOException {
    TransactionCsvReader.Result result =
        read(
            HEADER
                + "SALE,SO-1,1,INV-1,C1,\"Café, Zoë\",2026-11-01,NZD,35.50,W1,2,12.50\n"
                + "SALE,SO-1,1,INV-1,C1,\"Café, Zoë\",2026-11-01,NZD,35.50,W2,1,10.5\n"
                + "PURCHASE,PO-1,1,BILL-9,S1,Supplier,2026-11-02,NZD,10,X,1,10\n");

    assertEquals(2, result.transactions().size());
    IncomingTransaction sale = result.transactions().get(0);
    assertEquals("Café, Zoë", sale.content().contact().name());
    assertEquals(2, sale.content().lines().size());
    assertEquals(new BigDecimal("12.50"), sale.content().lines().get(0).unitPrice());
    assertEquals(new BigDecimal("35.50"), sale.content().total());
    assertTrue(errors(result).isEmpty(), errors(result).toString());
  }

  @Test
  void anErrorIsReportedAtItsRowAndColumnEvenAfterARowWithoutLine() throws IOException {
    TransactionCsvReader.Result result =
        read(
            HEADER
                + "SALE,SO-2,1,INV-2,C1,Cafe,2026-11-01,NZD,10,,,\n" // row 2: the transaction, no
                // line
                + "SALE,SO-2,1,INV-2,C1,Cafe,2026-11-01,NZD,10,W1,1,10\n" // row 3: lines[0]
                + "SALE,SO-2,1,INV-2,C1,Cafe,2026-11-01,NZD,10,W2,lots,10\n"); // row 4: lines[1]

    List<TransactionCsvReader.RowError> errors = errors(result);

    assertEquals(1, errors.size(), errors.toString());
    assertEquals(4, errors.get(0).row());
    assertEquals("quantity", errors.get(0).column());
    assertEquals("SO-2", errors.get(0).sourceId());
  }

  @Test
  void rowsThatDisagreeOnTheTransactionsOwnColumnsAreAnError() throws IOException {
    TransactionCsvReader.Result result =
        read(
            HEADER
                + "SALE,SO-3,1,INV-3,C1,Cafe,2026-11-01,NZD,20,W1,1,10\n"
                + "SALE,SO-3,1,INV-3,C1,Cafe,2026-11-02,NZD,20,W2,1,10\n");

    List<TransactionCsvReader.RowError> errors = errors(result);

    assertEquals(1, errors.size(), errors.toString());
    assertEquals("date", errors.get(0).column());
    assertTrue(errors.get(0).message().contains("row 3"), errors.get(0).message());
  }

  @Test
  void aHeaderWithoutRequiredColumnsIsAFileError() throws IOException {
    TransactionCsvReader.Result result = read("kind,number\nSALE,1\n");

    assertTrue(result.transactions().isEmpty());
    assertEquals(
        List.of("sourceId", "version", "date"),
        result.fileErrors().stream().map(TransactionCsvReader.RowError::column).toList());
  }
}
