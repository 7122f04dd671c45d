package io.ledgerbridge.platform.security;

import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes sure someone can sign in. In demo mode: the published demo users and integration token.
 * Otherwise: the first admin from configuration, created only while no user exists — and any demo
 * credentials left from an earlier demo run are disabled.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class AccountBootstrap {

  public static final String DEMO_TOKEN = "demo-integration-token";
  private static final Set<String> DEMO_USERS = Set.of("admin", "accountant", "viewer");
  private static final Logger LOG = Logger.getLogger(AccountBootstrap.class.getName());

  @Inject private LedgerBridgeConfig config;
  @Inject private UserDirectory directory;

  @PostConstruct
  void bootstrap() {
    if (config.demoMode()) {
      directory.ensureDemoUser("admin", Role.ADMIN, "admin");
      directory.ensureDemoUser("accountant", Role.ACCOUNTANT, "accountant");
      directory.ensureDemoUser("viewer", Role.VIEWER, "viewer");
      directory.ensureDemoToken("Demo inventory system", DEMO_TOKEN);
      LOG.warning(
          "Demo mode is on: demo users and the demo integration token are active. "
              + "Never use demo mode with real data.");
      return;
    }
    int disabled = directory.disableDemoCredentials(DEMO_USERS, DEMO_TOKEN);
    if (disabled > 0) {
      LOG.log(
          Level.WARNING, "Demo mode is off: disabled {0} demo account(s) or token(s)", disabled);
    }
    var username = config.initialAdminUsername();
    var password = config.initialAdminPassword();
    if (username.isPresent() && password.isPresent()) {
      if (directory.ensureConfiguredAdmin(username.get(), password.get().toCharArray())) {
        LOG.log(
            Level.WARNING,
            "No enabled admin existed: {0} from the configuration can now sign in"
                + " as admin. Remove the password from the configuration.",
            username.get());
      }
    } else if (!directory.hasEnabledAdmin()) {
      LOG.severe(
          "No enabled admin exists, so nobody can manage users: set "
              + LedgerBridgeConfig.ADMIN_USERNAME
              + " and "
              + LedgerBridgeConfig.ADMIN_PASSWORD
              + " (or LEDGERBRIDGE_ADMIN_USERNAME / LEDGERBRIDGE_ADMIN_PASSWORD) and restart.");
    }
  }
}
