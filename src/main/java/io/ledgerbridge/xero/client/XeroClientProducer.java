package io.ledgerbridge.xero.client;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Logger;

/**
 * Creates the node's one {@link XeroClient} (with its governors and usage record) from {@code
 * ledgerbridge.xero.client.*} at start-up and closes its JAX-RS client at shutdown. Inject {@link
 * XeroClient} to call Xero and {@link XeroApiUsage} for the API budget panel.
 */
@ApplicationScoped
public class XeroClientProducer {

  private static final Logger LOG = Logger.getLogger(XeroClientProducer.class.getName());

  private XeroClient client;
  private XeroApiUsage usage;

  @PostConstruct
  void start() {
    XeroClientSettings settings = XeroClientSettings.fromConfig();
    usage = new XeroApiUsage();
    client = new XeroClient(settings, new XeroGovernors(settings), usage);
    LOG.info(
        () ->
            "Xero client ready: batches of "
                + settings.batchSize()
                + ", "
                + settings.maxInFlight()
                + " calls in flight per organisation, "
                + settings.maxRetries()
                + " retries");
  }

  /** The same client every time (the producer is application-scoped, the product is not). */
  @Produces
  public XeroClient client() {
    return client;
  }

  @Produces
  public XeroApiUsage usage() {
    return usage;
  }

  @PreDestroy
  void stop() {
    if (client != null) {
      client.close();
    }
  }
}
