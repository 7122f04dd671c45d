package io.ledgerbridge.xero.boundary;

import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import io.ledgerbridge.platform.config.LedgerBridgeConfig.XeroApp;
import io.ledgerbridge.platform.config.LedgerBridgeConfig.XeroUrls;

/**
 * Which Xero app and URLs a new connection uses: the configured ones (Xero's real URLs by default);
 * or, when nothing is configured and the built-in sandbox is on (demo mode), the sandbox and its
 * demo app — the sandbox's address taken from the request, since only a request knows it.
 */
public record XeroSetup(XeroApp app, XeroUrls urls, boolean sandbox) {

  public static XeroSetup forAuthorisationCode(LedgerBridgeConfig config, RequestBase base) {
    String callback = base.browser() + "/xero/callback";
    if (config.xeroApp().isPresent()) {
      XeroApp app = config.xeroApp().get();
      return new XeroSetup(
          app.redirectUri() == null
              ? new XeroApp(app.clientId(), app.clientSecret(), callback, app.scopes())
              : app,
          config.xeroUrls(),
          false);
    }
    if (demoMode(config)) {
      XeroApp demo = config.demoXeroApp().orElseThrow();
      return new XeroSetup(
          new XeroApp(demo.clientId(), demo.clientSecret(), callback, demo.scopes()),
          sandboxUrls(base),
          true);
    }
    throw new BusinessException(
        "Xero is not set up: set "
            + LedgerBridgeConfig.XERO_CLIENT_ID
            + " and "
            + LedgerBridgeConfig.XERO_CLIENT_SECRET
            + " (docs/xero.md, \"Connecting to Xero\").");
  }

  public static XeroSetup forCustomConnection(LedgerBridgeConfig config, RequestBase base) {
    if (config.xeroCustomConnection().isPresent()) {
      return new XeroSetup(config.xeroCustomConnection().get(), config.xeroUrls(), false);
    }
    if (demoMode(config)) {
      XeroApp demo = config.demoXeroApp().orElseThrow();
      return new XeroSetup(
          new XeroApp(demo.clientId(), demo.clientSecret(), null, XeroApp.DEFAULT_CUSTOM_SCOPES),
          sandboxUrls(base),
          true);
    }
    throw new BusinessException(
        "No custom connection is set up: set "
            + LedgerBridgeConfig.XERO_CUSTOM_CLIENT_ID
            + " and "
            + LedgerBridgeConfig.XERO_CUSTOM_CLIENT_SECRET
            + " (docs/xero.md, \"Connecting to Xero\").");
  }

  /** Whether a custom connection can be made (configured, or the sandbox's demo client). */
  public static boolean customConnectionAvailable(LedgerBridgeConfig config) {
    return config.xeroCustomConnection().isPresent() || demoMode(config);
  }

  /** Demo mode: the built-in sandbox (and so its demo app) is on and no Xero URL is configured. */
  public static boolean demoMode(LedgerBridgeConfig config) {
    return config.demoXeroApp().isPresent() && !config.xeroUrlsConfigured();
  }

  private static XeroUrls sandboxUrls(RequestBase base) {
    return XeroUrls.sandbox(base.browser() + "/sandbox", base.server() + "/sandbox");
  }
}
