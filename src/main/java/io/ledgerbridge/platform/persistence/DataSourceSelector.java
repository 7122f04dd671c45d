package io.ledgerbridge.platform.persistence;

import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Points the persistence unit at the server's JDBC resource when {@code ledgerbridge.db.jndi} is
 * set, so IT switches to a server-managed PostgreSQL pool by configuration, without a rebuild.
 * {@code persistence.xml} names the application's own datasource, which stays the default. Both the
 * write login and the read connection pool's login are switched: EclipseLink reads outside a
 * transaction through the latter.
 */
public class DataSourceSelector implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    LedgerBridgeConfig.serverDataSource()
        .ifPresent(
            jndiName -> {
              DatabaseLogin login = (DatabaseLogin) session.getDatasourceLogin();
              login.setConnector(connector(jndiName));
              if (session instanceof ServerSession server) {
                Login readLogin = server.getReadConnectionPool().getLogin();
                if (readLogin instanceof DatabaseLogin read && read != login) {
                  read.setConnector(connector(jndiName));
                }
              }
            });
  }

  private static JNDIConnector connector(String jndiName) {
    JNDIConnector connector = new JNDIConnector(jndiName);
    connector.setLookupType(JNDIConnector.STRING_LOOKUP);
    return connector;
  }
}
