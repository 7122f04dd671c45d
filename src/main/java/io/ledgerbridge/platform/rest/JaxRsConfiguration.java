package io.ledgerbridge.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The REST API lives under {@code /ledgerbridge/api}; versioned paths start with {@code v1}. */
@ApplicationPath("api")
public class JaxRsConfiguration extends Application {

  @Override
  public Map<String, Object> getProperties() {
    // The OpenAPI description is the contract; Jersey's generated WADL would only leak internals.
    // Locations are resolved by ApiLocationFilter, never from the client's Host header.
    return Map.of(
        "jersey.config.server.wadl.disableWadl",
        true,
        "jersey.config.server.headers.location.relative.resolution.disabled",
        true);
  }
}
