package io.ledgerbridge.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * Refuses state-changing page requests that did not come from one of our own forms. Faces forms
 * carry a view state that is random and bound to the session (server-side state saving), so a
 * forged form cannot produce a valid one; this filter also refuses a POST without any, and any
 * request a browser marks as cross-site. Session cookies are SameSite=Lax besides (payara-web.xml).
 * The REST API is exempt: it never accepts the session cookie, only Authorization headers.
 *
 * <p>Faces treats any request that carries a view state as a postback and runs the form's action,
 * whatever its method, and SameSite=Lax still sends the cookie on a top-level cross-site GET. So a
 * view state is accepted only in a same-site POST: a GET (or any other method) carrying one is
 * refused, as is one a browser marks cross-site.
 */
@WebFilter(filterName = "csrf", urlPatterns = "/*")
public class CsrfFilter extends HttpFilter {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  static final String VIEW_STATE = "jakarta.faces.ViewState";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (refused(request)) {
      response.sendError(
          HttpServletResponse.SC_FORBIDDEN,
          "This form was not sent from a LedgerBridge page. Reload the page and try again.");
      return;
    }
    chain.doFilter(request, response);
  }

  /** Whether the request must not reach a page: a form that did not come from our own pages. */
  static boolean refused(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    // The sandbox is "Xero", not LedgerBridge: its consent form carries its own signed token.
    if (path.startsWith("/api/") || path.startsWith("/sandbox/")) {
      return false;
    }
    boolean post = "POST".equals(request.getMethod());
    boolean viewState = request.getParameter(VIEW_STATE) != null;
    if (SAFE.contains(request.getMethod()) && !viewState) {
      return false;
    }
    return !post || !viewState || isCrossSite(request);
  }

  static boolean isCrossSite(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null && fetchSite.equalsIgnoreCase("cross-site")) {
      return true;
    }
    String origin = request.getHeader("Origin");
    if (origin == null || origin.equals("null")) {
      return origin != null;
    }
    try {
      URI uri = URI.create(origin);
      String originHost = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      // Behind a reverse proxy that rewrites Host, the browser's host arrives as X-Forwarded-Host.
      String forwarded = request.getHeader("X-Forwarded-Host");
      String host = request.getHeader("Host");
      return !(originHost != null
          && (originHost.equalsIgnoreCase(host)
              || (forwarded != null
                  && originHost.equalsIgnoreCase(forwarded.split(",")[0].trim()))));
    } catch (IllegalArgumentException e) {
      return true;
    }
  }
}
