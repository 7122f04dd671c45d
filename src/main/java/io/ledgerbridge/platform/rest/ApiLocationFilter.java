package io.ledgerbridge.platform.rest;

import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import io.ledgerbridge.platform.security.RedirectLocation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * The API's {@code Location} headers (202 for a started import run) by the same rule as every
 * redirect ({@link RedirectLocation}): Jersey would make a resource's relative location absolute
 * from the request's {@code Host} header, which the client chooses, so {@link JaxRsConfiguration}
 * turns that off and this filter resolves the location against the API's path instead, on {@code
 * ledgerbridge.public-url} when it is set.
 */
@Provider
public class ApiLocationFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
    if (location == null) {
      return;
    }
    String path = request.getUriInfo().getBaseUri().getRawPath();
    String resolved =
        RedirectLocation.of(
            URI.create(path).resolve(location.toString()).toString(),
            request.getUriInfo().getRequestUri().getRawPath(),
            LedgerBridgeConfig.publicBaseUrl());
    response.getHeaders().putSingle(HttpHeaders.LOCATION, resolved);
  }
}
