package io.ledgerbridge.xero.boundary;

import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * A connection to the built-in sandbox's demo app does not outlive demo mode: when the sandbox is
 * off at start (production), such a connection left from a demo run is disconnected, so nothing —
 * the connection test, an import — sends its token anywhere, and the Xero page asks an admin to
 * connect the real organisation. LedgerBridge's own data is kept, as with any disconnect.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class DemoConnectionGuard {

  private static final Logger LOG = Logger.getLogger(DemoConnectionGuard.class.getName());

  @Inject private XeroConnectionStore store;

  @PostConstruct
  void retireDemoConnection() {
    if (LedgerBridgeConfig.sandboxEnabled()) {
      return;
    }
    boolean demo =
        store
            .find()
            .filter(c -> LedgerBridgeConfig.demoAppClientId().equals(c.getClientId()))
            .isPresent();
    if (demo
        && store.remove(
            "system",
            "Disconnected the connection to the built-in Xero sandbox: the sandbox is off"
                + " (demo mode is off). Connect the real Xero organisation.")) {
      LOG.warning(
          "A connection to the built-in Xero sandbox was left from demo mode; it is now"
              + " disconnected. An admin must connect the real Xero organisation.");
    }
  }
}
