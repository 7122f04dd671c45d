package io.ledgerbridge.platform.persistence;

import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with the versioned migrations in {@code db/migration} before
 * anything else touches the database. The same SQL runs on H2 and PostgreSQL; EclipseLink never
 * generates DDL.
 */
@DataSourceDefinition(
    name = LedgerBridgeConfig.EMBEDDED_DATASOURCE,
    className = "io.ledgerbridge.platform.persistence.ConfiguredDataSource",
    minPoolSize = 1,
    maxPoolSize = 32,
    transactional = true)
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigrations {

  private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

  @PostConstruct
  void migrate() {
    String name = LedgerBridgeConfig.activeDataSource();
    DataSource dataSource;
    try {
      dataSource = (DataSource) new InitialContext().lookup(name);
    } catch (NamingException e) {
      throw new IllegalStateException("The datasource " + name + " is not available", e);
    }
    MigrateResult result =
        Flyway.configure(DatabaseMigrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    LOG.log(
        Level.INFO,
        "Database schema at version {0} on {1} ({2} migrations applied)",
        new Object[] {result.targetSchemaVersion, name, result.migrationsExecuted});
  }
}
