package io.ledgerbridge.demo;

import io.ledgerbridge.intake.boundary.IntakeService;
import io.ledgerbridge.intake.boundary.TransactionFilter;
import io.ledgerbridge.intake.boundary.TransactionQueries;
import io.ledgerbridge.intake.control.IncomingTransaction;
import io.ledgerbridge.intake.control.TransactionValidator;
import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * In demo mode, loads the demo dataset on first start (when no transactions exist), through the
 * same validation and intake path the API uses.
 */
@Singleton
@Startup
@DependsOn("AccountBootstrap")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoDataLoader {

  private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());

  @Inject private LedgerBridgeConfig config;
  @Inject private TransactionQueries queries;
  @Inject private IntakeService intake;

  @PostConstruct
  void load() {
    if (!config.demoMode() || queries.search(TransactionFilter.of(null), 1, 1, null).total() > 0) {
      return;
    }
    List<IncomingTransaction> items =
        DemoDataGenerator.generate(LocalDate.now()).stream()
            .map(TransactionValidator::validate)
            .toList();
    long invalid = items.stream().filter(i -> !i.isValid()).count();
    if (invalid > 0) {
      LOG.log(
          Level.WARNING,
          "{0} demo transactions failed validation: {1}",
          new Object[] {
            invalid, items.stream().filter(i -> !i.isValid()).findFirst().get().errors()
          });
    }
    intake.receive(items, "demo data");
    LOG.log(Level.INFO, "Loaded {0} demo transactions", items.size() - invalid);
  }
}
