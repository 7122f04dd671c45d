package io.ledgerbridge.web.admin;

import io.ledgerbridge.xero.boundary.ConnectionTest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The "Test connection" page: runs {@link ConnectionTest} when the admin asks. */
@Named
@ViewScoped
public class ConnectionTestPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private transient ConnectionTest test;

  private ConnectionTest.Result result;

  public void run() {
    result = test.run();
  }

  public ConnectionTest.Result getResult() {
    return result;
  }
}
