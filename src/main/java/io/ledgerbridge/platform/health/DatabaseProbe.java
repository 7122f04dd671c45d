package io.ledgerbridge.platform.health;

import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Opens a connection to the active datasource. An EJB, so that the health endpoint's thread gets
 * the application's naming context for the lookup.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseProbe {

  /** The database's product name (not its version: /health is public), if it answers in 5 s. */
  public String probe() throws SQLException, NamingException {
    DataSource dataSource =
        (DataSource) new InitialContext().lookup(LedgerBridgeConfig.activeDataSource());
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(5)) {
        throw new SQLException("The connection did not answer in time");
      }
      DatabaseMetaData meta = connection.getMetaData();
      return meta.getDatabaseProductName();
    }
  }
}
