package io.ledgerbridge.platform.persistence;

import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;

/**
 * Points the persistence unit at the server's JDBC resource when {@code ledgerbridge.db.jndi} is
 * set, so IT switches to a server-managed PostgreSQL pool by configuration, without a rebuild.
 * {@code persistence.xml} names the application's own datasource, which stays the default.
 */
public class DataSourceSelector implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    LedgerBridgeConfig.serverDataSource()
        .ifPresent(
            jndiName -> {
              DatabaseLogin login = (DatabaseLogin) session.getDatasourceLogin();
              JNDIConnector connector = new JNDIConnector(jndiName);
              connector.setLookupType(JNDIConnector.STRING_LOOKUP);
              login.setConnector(connector);
            });
  }
}
