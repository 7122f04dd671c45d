package io.ledgerbridge.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Refuses a session id in the URL ({@code ;jsessionid=…}). Sessions are tracked by cookie only
 * (web.xml), but servers still parse the path parameter; a session id in a URL leaks through
 * browser history, logs and Referer headers, and lets a link plant a session (fixation).
 */
@WebFilter(filterName = "urlSessionId", urlPatterns = "/*")
public class UrlSessionIdFilter extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (carriesSessionId(request)) {
      response.sendError(
          HttpServletResponse.SC_BAD_REQUEST,
          "Session ids are not accepted in URLs. Open LedgerBridge without the ;jsessionid part.");
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean carriesSessionId(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return request.isRequestedSessionIdFromURL()
        || (uri != null && uri.toLowerCase(Locale.ROOT).contains(";jsessionid"));
  }
}
