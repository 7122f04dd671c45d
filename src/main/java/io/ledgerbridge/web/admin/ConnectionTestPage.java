package io.ledgerbridge.web.admin;

import io.ledgerbridge.settings.boundary.XeroConnectionCheck;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The "Test connection" page: runs {@link XeroConnectionCheck} when the admin asks. */
@Named
@ViewScoped
public class ConnectionTestPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private transient XeroConnectionCheck test;

  private XeroConnectionCheck.Result result;

  public void run() {
    result = test.run();
  }

  public XeroConnectionCheck.Result getResult() {
    return result;
  }
}
