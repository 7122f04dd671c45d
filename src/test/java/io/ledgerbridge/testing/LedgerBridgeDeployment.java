package io.ledgerbridge.testing;

import java.io.File;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The black-box deployment shared by the HTTP integration tests: the WAR Maven just built, deployed
 * as it is to Payara Micro, and called only over HTTP. Payara inherits the test JVM's environment
 * (demo mode, which database), which is how each failsafe execution configures it. Every subclass
 * boots its own Payara Micro, so keep them few.
 */
@ExtendWith(FreshDatabase.class) // must run before Arquillian deploys
@ExtendWith(ArquillianExtension.class)
public abstract class LedgerBridgeDeployment {

  @Deployment(testable = false)
  public static WebArchive deployment() {
    File war = new File(System.getProperty("it.war", "target/ledgerbridge.war"));
    // The archive name gives the context root /ledgerbridge (glassfish-web.xml says so too).
    return ShrinkWrap.create(ZipImporter.class, "ledgerbridge.war")
        .importFrom(war)
        .as(WebArchive.class);
  }

  @ArquillianResource protected URL base;

  /** A fresh client (own cookie jar) per test, so sessions never leak between tests. */
  protected LedgerBridgeClient client;

  @BeforeEach
  void newClient() {
    client = new LedgerBridgeClient(base);
  }
}
