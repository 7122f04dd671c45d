package io.ledgerbridge.xero.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchesTest {

  @Test
  void splitsIntoBatchesOfAtMostTheSizeInOrder() {
    List<Integer> items = IntStream.range(0, 120).boxed().toList();
    List<List<Integer>> batches = Batches.split(items, 50);
    assertEquals(List.of(50, 50, 20), batches.stream().map(List::size).toList());
    assertEquals(items, batches.stream().flatMap(List::stream).toList());
    assertEquals(List.of(List.of(1, 2)), Batches.split(List.of(1, 2), 50));
    assertEquals(List.of(), Batches.split(List.of(), 50));
    assertEquals(2, Batches.split(IntStream.range(0, 100).boxed().toList(), 50).size());
    assertThrows(IllegalArgumentException.class, () -> Batches.split(items, 0));
  }

  @Test
  void theSettingsNeverAllowMoreThanXeroRecommends() {
    XeroClientSettings d = XeroClientSettings.defaults();
    XeroClientSettings big =
        new XeroClientSettings(
            d.connectTimeout(),
            d.readTimeout(),
            3,
            d.retryBaseDelay(),
            d.retryMaxDelay(),
            500,
            9,
            d.minuteWindow(),
            0,
            0,
            5);
    assertEquals(50, big.batchSize());
    assertEquals(5, big.maxInFlight());
  }
}
