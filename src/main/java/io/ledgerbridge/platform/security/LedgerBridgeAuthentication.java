package io.ledgerbridge.platform.security;

import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The one authentication mechanism: pages use a form login kept in the HTTP session; the REST API
 * takes {@code Authorization: Bearer <token>} (the inventory system) or HTTP Basic (staff scripts)
 * and never a session cookie, so a browser session cannot be used to forge API calls.
 */
@ApplicationScoped
public class LedgerBridgeAuthentication implements HttpAuthenticationMechanism {

  public static final String SESSION_USER = "io.ledgerbridge.user";
  private static final Logger LOG = Logger.getLogger(LedgerBridgeAuthentication.class.getName());
  public static final String LOGIN_PAGE = "/login.xhtml";

  @Inject private IdentityStoreHandler identityStores;
  @Inject private UserDirectory directory;
  @Inject private LoginThrottle throttle;

  /** Set on the request when a sign-in was refused because of too many failures. */
  public static final String THROTTLED = "io.ledgerbridge.throttled";

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/")) {
      return api(request, response, context);
    }
    Credential credential = context.getAuthParameters().getCredential();
    if (credential != null) {
      return formLogin(request, context, credential);
    }
    // A session id from the URL is never honoured (cookies only; UrlSessionIdFilter refuses it).
    HttpSession session = request.isRequestedSessionIdFromURL() ? null : request.getSession(false);
    Object username = session == null ? null : session.getAttribute(SESSION_USER);
    if (username instanceof String name) {
      Optional<UserDirectory.Caller> caller = directory.activeUser(name);
      if (caller.isPresent()) {
        return context.notifyContainerAboutLogin(caller.get().name(), caller.get().groups());
      }
      session.invalidate();
    }
    if (context.isProtected()) {
      String target =
          path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
      // Not context.redirect: the container would make the location absolute from the Host header.
      response.setStatus(HttpServletResponse.SC_FOUND);
      response.setHeader(
          "Location",
          RedirectLocation.of(
              request.getContextPath()
                  + LOGIN_PAGE
                  + "?continue="
                  + URLEncoder.encode(target, StandardCharsets.UTF_8),
              request.getRequestURI(),
              LedgerBridgeConfig.publicBaseUrl()));
      return AuthenticationStatus.SEND_CONTINUE;
    }
    return context.doNothing();
  }

  private AuthenticationStatus formLogin(
      HttpServletRequest request, HttpMessageContext context, Credential credential) {
    String username =
        credential instanceof UsernamePasswordCredential login ? login.getCaller() : null;
    if (throttle.isBlocked(username, request.getRemoteAddr())) {
      request.setAttribute(THROTTLED, Boolean.TRUE);
      return AuthenticationStatus.SEND_FAILURE;
    }
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      throttle.failed(username, request.getRemoteAddr());
      return AuthenticationStatus.SEND_FAILURE;
    }
    throttle.succeeded(username);
    String name = result.getCallerPrincipal().getName();
    try {
      directory.recordLogin(name);
    } catch (RuntimeException e) {
      // The time of the last sign-in is information, not a condition of signing in.
      LOG.warning("Could not record the sign-in time of " + name + ": " + e);
    }
    // A new session id on login defeats session fixation.
    request.getSession(true);
    request.changeSessionId();
    request.getSession().setAttribute(SESSION_USER, name);
    return context.notifyContainerAboutLogin(result);
  }

  private AuthenticationStatus api(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Optional<UserDirectory.Caller> caller = directory.verifyToken(authorization.substring(7));
      return caller
          .map(c -> context.notifyContainerAboutLogin(c.name(), c.groups()))
          .orElseGet(() -> challenge(response, context, "Bearer error=\"invalid_token\""));
    }
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      Optional<UsernamePasswordCredential> credential = basic(authorization.substring(6));
      if (credential.isPresent()) {
        String username = credential.get().getCaller();
        if (throttle.isBlocked(username, request.getRemoteAddr())) {
          response.setHeader("Retry-After", String.valueOf(LoginThrottle.WINDOW.toSeconds()));
          return refuse(
              response,
              429,
              "Too Many Requests",
              "Too many failed sign-ins; wait a quarter of an hour.");
        }
        CredentialValidationResult result = identityStores.validate(credential.get());
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
          throttle.succeeded(username);
          return context.notifyContainerAboutLogin(result);
        }
        throttle.failed(username, request.getRemoteAddr());
      }
      return challenge(response, context, "Basic realm=\"LedgerBridge\", charset=\"UTF-8\"");
    }
    if (context.isProtected()) {
      return challenge(
          response, context, "Bearer realm=\"LedgerBridge\", Basic realm=\"LedgerBridge\"");
    }
    return context.doNothing();
  }

  private static Optional<UsernamePasswordCredential> basic(String encoded) {
    try {
      String decoded =
          new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0
          ? Optional.empty()
          : Optional.of(
              new UsernamePasswordCredential(
                  decoded.substring(0, colon), decoded.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static AuthenticationStatus refuse(
      HttpServletResponse response, int status, String title, String detail) {
    response.setContentType("application/problem+json");
    response.setStatus(status);
    try {
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\""
                  + title
                  + "\",\"status\":"
                  + status
                  + ",\"detail\":\""
                  + detail
                  + "\"}");
    } catch (IOException e) {
      // The client has gone; the status is already set.
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  private static AuthenticationStatus challenge(
      HttpServletResponse response, HttpMessageContext context, String challenge) {
    response.setHeader("WWW-Authenticate", challenge);
    response.setContentType("application/problem+json");
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    try {
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                  + "\"detail\":\"Send an API token (Authorization: Bearer ...) or a username and password "
                  + "(HTTP Basic).\"}");
    } catch (IOException e) {
      // The client has gone; the status is already set.
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
