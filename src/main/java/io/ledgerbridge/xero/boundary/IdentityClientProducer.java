package io.ledgerbridge.xero.boundary;

import io.ledgerbridge.xero.control.IdentityClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** One HTTP client for Xero's identity endpoints, shared by the whole application. */
@ApplicationScoped
public class IdentityClientProducer {

  private final IdentityClient client =
      new IdentityClient(IdentityClient.newHttpClient(), Clock.systemUTC());

  @Produces
  public IdentityClient identityClient() {
    return client;
  }
}
