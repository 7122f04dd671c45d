package io.ledgerbridge.platform.persistence;

import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The datasource LedgerBridge defines for itself when no server JDBC resource is configured. The
 * server's pool instantiates this class and manages its connections (so they take part in JTA
 * transactions); the class only decides where they go: an embedded H2 file database under the data
 * directory by default (see {@link EmbeddedDatabase}), or the JDBC URL from {@code
 * ledgerbridge.db.url}. Reading the configuration here, rather than through variables in an
 * annotation, keeps the WAR portable across servers.
 */
public class ConfiguredDataSource implements DataSource {

  private final DataSource target;

  public ConfiguredDataSource() {
    this.target = create();
  }

  private static DataSource create() {
    if (LedgerBridgeConfig.databaseUrl().isEmpty()) {
      return EmbeddedDatabase.open(LedgerBridgeConfig.dataDirectory());
    }
    String url = LedgerBridgeConfig.databaseUrl().get();
    String user = LedgerBridgeConfig.databaseUser().orElse(null);
    String password = LedgerBridgeConfig.databasePassword().orElse(null);
    if (url.startsWith("jdbc:h2:")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(url);
      h2.setUser(user == null ? "ledgerbridge" : user);
      h2.setPassword(password == null ? "" : password);
      return h2;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(url);
      if (user != null) {
        pg.setUser(user);
      }
      if (password != null) {
        pg.setPassword(password);
      }
      return pg;
    }
    throw new IllegalStateException(
        LedgerBridgeConfig.DB_URL
            + " must be a jdbc:h2: or jdbc:postgresql: URL; for another "
            + "database define a server JDBC resource and set "
            + LedgerBridgeConfig.DB_JNDI);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return target.getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return target.getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || target.isWrapperFor(type);
  }
}
