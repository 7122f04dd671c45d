package io.ledgerbridge.platform.security;

import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Headers that keep pages out of frames, stop MIME sniffing, keep finance data out of caches and
 * limit what a page may load, and redirects that never take their host from the request.
 *
 * <p>The Content-Security-Policy allows scripts, styles, images and connections from LedgerBridge's
 * own origin only, no plugins, no framing and no foreign base URL, so injected markup cannot load
 * anything from elsewhere. Inline scripts stay allowed: Faces and PrimeFaces render their widgets'
 * set-up and event handlers inline. PrimeFaces' nonce mode ({@code primefaces.CSP}) would remove
 * that, but in PrimeFaces 14 it refused some ordinary form posts ("CSP nonce mismatch") and answers
 * a form without its nonce with a 500, so it is not on yet. {@code form-action} is left out on
 * purpose: connecting Xero submits a form that is redirected to Xero's sign-in page.
 */
@WebFilter(filterName = "securityHeaders", urlPatterns = "/*")
public class SecurityHeadersFilter extends HttpFilter {

  static final String POLICY =
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self';"
          + " frame-ancestors 'none'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Content-Security-Policy", POLICY);
    if (!request.getRequestURI().contains("/jakarta.faces.resource/")) {
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, new RelativeRedirects(request, response));
  }

  /** Redirects sent as {@link RedirectLocation} says, not made absolute from the Host header. */
  static final class RelativeRedirects extends HttpServletResponseWrapper {
    private final HttpServletRequest request;

    RelativeRedirects(HttpServletRequest request, HttpServletResponse response) {
      super(response);
      this.request = request;
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      if (isCommitted()) {
        throw new IllegalStateException("The response is already committed");
      }
      resetBuffer();
      setStatus(SC_FOUND);
      setHeader(
          "Location",
          RedirectLocation.of(
              location, request.getRequestURI(), LedgerBridgeConfig.publicBaseUrl()));
      flushBuffer();
    }
  }
}
