package io.ledgerbridge.sandbox.boundary;

import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import io.ledgerbridge.sandbox.control.SandboxSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Seeds the sandbox organisations on first start, when the sandbox is on. */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class SandboxBootstrap {

  private static final Logger LOG = Logger.getLogger(SandboxBootstrap.class.getName());

  @Inject private SandboxStore store;

  @PostConstruct
  void seed() {
    if (SandboxSettings.fromConfig().enabled()) {
      store.seedMissing();
      LOG.info(
          "The built-in Xero sandbox is on at /ledgerbridge/sandbox (demo app "
              + LedgerBridgeConfig.demoAppClientId()
              + ")");
    }
  }
}
