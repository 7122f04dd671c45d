package io.ledgerbridge.platform.security;

import java.net.URI;
import java.util.Optional;

/**
 * The {@code Location} of every redirect LedgerBridge sends. The container would make a relative
 * location absolute from the request's {@code Host} header, which a client chooses; LedgerBridge
 * instead sends the path alone (browsers resolve it against the address they used), or, when {@code
 * ledgerbridge.public-url} is set, the configured origin with the path. Locations that are already
 * absolute (Xero's consent page) pass unchanged.
 */
public final class RedirectLocation {

  private RedirectLocation() {}

  /**
   * @param location as given to {@code sendRedirect}: absolute, path-absolute or relative
   * @param requestUri the request's path ({@code HttpServletRequest.getRequestURI()})
   * @param publicUrl the configured public URL, e.g. {@code
   *     https://finance.example.com/ledgerbridge}
   */
  public static String of(String location, String requestUri, Optional<String> publicUrl) {
    if (location.startsWith("//") || URI.create(encodeSpaces(location)).isAbsolute()) {
      return location;
    }
    String path =
        location.startsWith("/")
            ? location
            : URI.create(encodeSpaces(requestUri)).resolve(encodeSpaces(location)).toString();
    return publicUrl.map(RedirectLocation::origin).map(o -> o + path).orElse(path);
  }

  /** {@code https://host:port} of a URL; the path is the application's own. */
  static String origin(String url) {
    URI uri = URI.create(url.trim());
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("ledgerbridge.public-url must be an absolute http(s) URL");
    }
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  private static String encodeSpaces(String s) {
    return s.replace(" ", "%20");
  }
}
