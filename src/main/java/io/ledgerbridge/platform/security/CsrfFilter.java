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
 * request a browser marks as cross-site. Session cookies are SameSite=Lax besides (web.xml). The
 * REST API is exempt: it never accepts the session cookie, only Authorization headers.
 */
@WebFilter(filterName = "csrf", urlPatterns = "/*")
public class CsrfFilter extends HttpFilter {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  static final String VIEW_STATE = "jakarta.faces.ViewState";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    // The sandbox is "Xero", not LedgerBridge: its consent form carries its own signed token.
    if (SAFE.contains(request.getMethod())
        || path.startsWith("/api/")
        || path.startsWith("/sandbox/")) {
      chain.doFilter(request, response);
      return;
    }
    if (isCrossSite(request) || request.getParameter(VIEW_STATE) == null) {
      response.sendError(
          HttpServletResponse.SC_FORBIDDEN,
          "This form was not sent from a LedgerBridge page. Reload the page and try again.");
      return;
    }
    chain.doFilter(request, response);
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
