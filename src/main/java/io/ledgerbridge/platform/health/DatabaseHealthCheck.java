package io.ledgerbridge.platform.health;

import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports whether the database answers, for the server's {@code /health/ready} endpoint. Readiness,
 * not liveness: a database outage should take the node out of the load balancer, not restart it.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

  @Inject private DatabaseProbe probe;

  @Override
  public HealthCheckResponse call() {
    String name = LedgerBridgeConfig.activeDataSource();
    try {
      return HealthCheckResponse.named("ledgerbridge-database")
          .up()
          .withData("datasource", name)
          .withData("database", probe.probe())
          .build();
    } catch (Exception e) {
      return HealthCheckResponse.named("ledgerbridge-database")
          .down()
          .withData("datasource", name)
          .withData("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
