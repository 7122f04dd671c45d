package io.ledgerbridge.xero.boundary;

import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Where this LedgerBridge is, as seen from one request: by the browser ({@code browser}, for the
 * consent page, the redirect URI and invoice links; {@code ledgerbridge.public-url} when set) and
 * by the server itself ({@code server}: localhost and the local port, for server-to-self calls to
 * the built-in sandbox). Both end with the context path.
 */
public record RequestBase(String browser, String server) {

  public static RequestBase of(HttpServletRequest request) {
    String scheme = request.getScheme();
    int port = request.getServerPort();
    boolean defaultPort =
        ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    String host = request.getServerName();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    // The configured public URL wins over the request's Host header, which the client chooses.
    String browser =
        LedgerBridgeConfig.publicBaseUrl()
            .orElse(
                scheme + "://" + host + (defaultPort ? "" : ":" + port) + request.getContextPath());
    String server = scheme + "://localhost:" + request.getLocalPort() + request.getContextPath();
    return new RequestBase(browser, server);
  }
}
