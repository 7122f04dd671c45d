package io.ledgerbridge.sandbox.boundary;

import io.ledgerbridge.platform.JsonFactory;
import io.ledgerbridge.platform.security.PasswordHasher;
import io.ledgerbridge.sandbox.control.OrgFaults;
import io.ledgerbridge.sandbox.control.RateLimiter;
import io.ledgerbridge.sandbox.control.SandboxSettings;
import io.ledgerbridge.sandbox.entity.SandboxGrant;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sandbox's HTTP face, standing in for login.xero.com, identity.xero.com and api.xero.com under
 * {@code /ledgerbridge/sandbox}. It is its own authorisation server: LedgerBridge's login does not
 * apply here, Xero-style tokens do. With the sandbox off, every URL below it is 404.
 */
@WebServlet(urlPatterns = "/sandbox/*")
public class SandboxServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final String ACCOUNTING = "/api.xro/2.0/";
  private static final int MAX_BODY = 10 * 1024 * 1024;
  private static final RateLimiter LIMITER = new RateLimiter();
  private static final byte[] CONSENT_KEY = new byte[32];
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Marks a reply whose connection is to be dropped half-way through the body. */
  private static final String DROP = "X-Sandbox-Drop-Connection";

  static {
    new SecureRandom().nextBytes(CONSENT_KEY);
  }

  @Inject private transient SandboxIdentity identity;
  @Inject private transient AccountingApi accounting;
  @Inject private transient SandboxStore store;
  @Inject private transient SandboxIdempotencyStore idempotency;

  /** The limiter all requests share; the console clears it on reset. */
  public static RateLimiter limiter() {
    return LIMITER;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    SandboxSettings settings = SandboxSettings.fromConfig();
    String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
    String lower = path.toLowerCase(Locale.ROOT);
    if (!settings.enabled()) {
      write(response, Reply.notFound());
      return;
    }
    String method = request.getMethod();
    Reply reply;
    if (lower.equals("/identity/connect/authorize")) {
      reply = method.equals("POST") ? consent(request, settings) : authorizePage(request, settings);
    } else if (lower.equals("/identity/connect/token") && method.equals("POST")) {
      reply = token(request, settings);
    } else if (lower.equals("/identity/connect/revocation") && method.equals("POST")) {
      reply = revocation(request, settings);
    } else if (lower.equals("/connections") || lower.startsWith("/connections/")) {
      reply = connections(request, method, path);
    } else if (lower.startsWith(ACCOUNTING)) {
      reply = api(request, settings, path.substring(ACCOUNTING.length()));
    } else {
      reply = Reply.notFound();
    }
    write(response, reply);
  }

  // ---- identity ------------------------------------------------------------------------------

  private Reply authorizePage(HttpServletRequest request, SandboxSettings settings) {
    SandboxIdentity.Client client = SandboxIdentity.demoClient(settings);
    String clientId = request.getParameter("client_id");
    String redirectUri = request.getParameter("redirect_uri");
    if (!client.id().equals(clientId)) {
      return errorPage(request, "unauthorized_client", "Unknown client_id.");
    }
    if (!SandboxIdentity.redirectAllowed(client, redirectUri)) {
      return errorPage(
          request, "invalid_request", "Invalid redirect_uri: it is not registered for this app.");
    }
    String state = request.getParameter("state");
    if (!"code".equals(request.getParameter("response_type"))) {
      return redirect(redirectUri, "error", "unsupported_response_type", "state", state);
    }
    return consentPage(request, null, settings);
  }

  private Reply consent(HttpServletRequest request, SandboxSettings settings) {
    SandboxIdentity.Client client = SandboxIdentity.demoClient(settings);
    Map<String, String> fields = consentFields(request);
    if (!client.id().equals(fields.get("client_id"))
        || !SandboxIdentity.redirectAllowed(client, fields.get("redirect_uri"))
        || !signature(fields).equals(request.getParameter("consent_token"))) {
      return errorPage(
          request, "invalid_request", "The consent form was changed or is not from this page.");
    }
    String redirectUri = fields.get("redirect_uri");
    String state = fields.get("state");
    if (!"allow".equals(request.getParameter("decision"))) {
      return redirect(redirectUri, "error", "access_denied", "state", state);
    }
    String email =
        Optional.ofNullable(request.getParameter("email"))
            .orElse("")
            .trim()
            .toLowerCase(Locale.ROOT);
    String password = request.getParameter("password");
    if (password == null || !password.equals(SandboxIdentity.USERS.get(email))) {
      return consentPage(request, "Wrong e-mail or password.", settings);
    }
    List<String> orgIds = store.organisations().stream().map(SandboxStore.Doc::id).toList();
    List<String> chosen =
        Arrays.stream(
                Optional.ofNullable(request.getParameterValues("tenant")).orElse(new String[0]))
            .filter(orgIds::contains)
            .distinct()
            .toList();
    if (chosen.isEmpty()) {
      return consentPage(request, "Choose at least one organisation to connect.", settings);
    }
    String code =
        identity.issueCode(
            client,
            email,
            chosen,
            fields.get("scope"),
            redirectUri,
            fields.get("code_challenge"),
            settings);
    return redirect(redirectUri, "code", code, "scope", fields.get("scope"), "state", state);
  }

  private static Map<String, String> consentFields(HttpServletRequest request) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String name :
        List.of(
            "client_id",
            "redirect_uri",
            "scope",
            "state",
            "code_challenge",
            "code_challenge_method")) {
      fields.put(name, Optional.ofNullable(request.getParameter(name)).orElse(""));
    }
    return fields;
  }

  /** Binds the consent form's hidden fields to this server, so they cannot be altered. */
  private static String signature(Map<String, String> fields) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(CONSENT_KEY, "HmacSHA256"));
      fields.forEach((k, v) -> mac.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private Reply consentPage(HttpServletRequest request, String error, SandboxSettings settings) {
    Map<String, String> fields = consentFields(request);
    StringBuilder html = new StringBuilder(page("Allow access · Xero sandbox"));
    html.append(
            "<main><h1>Xero sandbox</h1><p><strong>LedgerBridge (demo app)</strong> wants access to your"
                + " organisation's data: ")
        .append(esc(fields.get("scope")))
        .append("</p>");
    if (error != null) {
      html.append("<p class=\"error\" id=\"error\">").append(esc(error)).append("</p>");
    }
    html.append("<form method=\"post\" id=\"consent\">");
    fields.forEach(
        (k, v) ->
            html.append("<input type=\"hidden\" name=\"")
                .append(esc(k))
                .append("\" value=\"")
                .append(esc(v))
                .append("\">"));
    html.append("<input type=\"hidden\" name=\"consent_token\" value=\"")
        .append(signature(fields))
        .append("\">");
    html.append(
            "<p><label>E-mail <input name=\"email\" id=\"email\" autocomplete=\"username\" value=\"")
        .append(
            esc(
                Optional.ofNullable(request.getParameter("email"))
                    .orElse("accountant@demo.ledgerbridge")))
        .append(
            "\"></label></p><p><label>Password <input type=\"password\" name=\"password\" id=\"password\""
                + " autocomplete=\"current-password\"></label> <small>(sandbox users: accountant@demo.ledgerbridge"
                + " or owner@demo.ledgerbridge, password demo)</small></p><fieldset><legend>Organisations to"
                + " connect</legend>");
    for (SandboxStore.Doc org : store.organisations()) {
      html.append("<label><input type=\"checkbox\" name=\"tenant\" value=\"")
          .append(esc(org.id()))
          .append("\" id=\"tenant-")
          .append(esc(org.id()))
          .append("\"> ")
          .append(esc(org.key()))
          .append("</label><br>");
    }
    html.append(
        "</fieldset><p><button name=\"decision\" value=\"allow\" id=\"allow\">Allow access</button> "
            + "<button name=\"decision\" value=\"deny\" id=\"deny\">Cancel</button></p></form></main></body></html>");
    return new Reply(200, "text/html; charset=utf-8", html.toString(), new LinkedHashMap<>())
        .header("Cache-Control", "no-store")
        .header("X-Frame-Options", "DENY");
  }

  /** Xero's error page, with a way back: LedgerBridge's Xero page, in the same application. */
  private static Reply errorPage(HttpServletRequest request, String error, String description) {
    String html =
        page("Error · Xero sandbox")
            + "<main><h1>Something went wrong</h1><p id=\"error\">"
            + esc(error)
            + ": "
            + esc(description)
            + "</p><p><a id=\"back\" href=\""
            + esc(request.getContextPath() + "/admin/xero.xhtml")
            + "\">Back to LedgerBridge</a></p></main></body></html>";
    return new Reply(400, "text/html; charset=utf-8", html, new LinkedHashMap<>());
  }

  private static String page(String title) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + esc(title)
        + "</title><style>body{font-family:sans-serif;background:#1e3246;color:#222}main{background:#fff;"
        + "max-width:520px;margin:40px auto;padding:24px;border-radius:8px}.error{color:#b42318}"
        + "button{padding:6px 14px}</style></head><body>";
  }

  private static Reply redirect(String uri, String... params) {
    StringBuilder target = new StringBuilder(uri);
    char separator = uri.contains("?") ? '&' : '?';
    for (int i = 0; i + 1 < params.length; i += 2) {
      if (params[i + 1] != null && !params[i + 1].isEmpty()) {
        target
            .append(separator)
            .append(params[i])
            .append('=')
            .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        separator = '&';
      }
    }
    return Reply.text(302, "").header("Location", target.toString());
  }

  private Reply token(HttpServletRequest request, SandboxSettings settings) {
    Map<String, String> form = form(request);
    Optional<SandboxIdentity.Client> client = authenticateClient(request, form, settings);
    if (client.isEmpty()) {
      return Reply.json(
          400, JsonFactory.createObjectBuilder().add("error", "invalid_client").build());
    }
    SandboxIdentity.TokenAnswer answer = identity.token(client.get(), form, settings);
    return Reply.json(answer.status(), answer.body()).header("Cache-Control", "no-store");
  }

  private Reply revocation(HttpServletRequest request, SandboxSettings settings) {
    Map<String, String> form = form(request);
    Optional<SandboxIdentity.Client> client = authenticateClient(request, form, settings);
    if (client.isEmpty()) {
      return Reply.json(
          400, JsonFactory.createObjectBuilder().add("error", "invalid_client").build());
    }
    identity.revoke(client.get(), form.get("token"));
    return Reply.text(200, "");
  }

  /** Client authentication by HTTP Basic, or client_id and client_secret in the form. */
  private static Optional<SandboxIdentity.Client> authenticateClient(
      HttpServletRequest request, Map<String, String> form, SandboxSettings settings) {
    String id = form.get("client_id");
    String secret = form.get("client_secret");
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(authorization.substring(6).trim()),
                StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon > 0) {
          id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
          secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        }
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    SandboxIdentity.Client client = SandboxIdentity.demoClient(settings);
    return client.id().equals(id) && client.secret().equals(secret)
        ? Optional.of(client)
        : Optional.empty();
  }

  private static Map<String, String> form(HttpServletRequest request) {
    Map<String, String> form = new LinkedHashMap<>();
    request.getParameterMap().forEach((k, v) -> form.put(k, v.length == 0 ? "" : v[0]));
    return form;
  }

  private Reply connections(HttpServletRequest request, String method, String path) {
    Optional<SandboxGrant> grant = bearer(request);
    if (grant.isEmpty()) {
      return Reply.problem(401, "Unauthorized", "AuthenticationUnsuccessful");
    }
    if (grant.get().isExpired(Instant.now())) {
      return Reply.problem(401, "Unauthorized", SandboxIdentity.expiredDetail(grant.get()));
    }
    String[] parts = path.split("/");
    if (method.equals("GET") && parts.length == 2) {
      Map<String, String> names = new LinkedHashMap<>();
      store.organisations().forEach(o -> names.put(o.id(), o.key()));
      return new Reply(
          200,
          Reply.JSON,
          identity
              .connectionsJson(grant.get(), request.getParameter("authEventId"), names)
              .build()
              .toString(),
          new LinkedHashMap<>());
    }
    if (method.equals("DELETE") && parts.length == 3) {
      return identity.deleteConnection(grant.get(), parts[2])
          ? new Reply(204, "text/plain", "", new LinkedHashMap<>())
          : Reply.notFound();
    }
    return Reply.notFound();
  }

  private Optional<SandboxGrant> bearer(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return identity.accessGrant(authorization.substring(7).trim());
  }

  // ---- Accounting API --------------------------------------------------------------------------

  private Reply api(HttpServletRequest request, SandboxSettings settings, String rest)
      throws IOException {
    Optional<SandboxGrant> grant = bearer(request);
    if (grant.isEmpty()) {
      return Reply.problem(401, "Unauthorized", "AuthenticationUnsuccessful");
    }
    Instant now = Instant.now();
    if (grant.get().isExpired(now)) {
      return Reply.problem(401, "Unauthorized", SandboxIdentity.expiredDetail(grant.get()));
    }
    List<String> tenants = identity.connectedTenants(grant.get());
    boolean custom = SandboxIdentity.CUSTOM_CONNECTION_SUBJECT.equals(grant.get().getSubject());
    String tenant = request.getHeader("xero-tenant-id");
    if ((tenant == null || tenant.isBlank()) && custom && !tenants.isEmpty()) {
      tenant = tenants.get(0);
    }
    if (tenant == null || !tenants.contains(tenant.trim())) {
      return Reply.problem(403, "Forbidden", "AuthenticationUnsuccessful");
    }
    String orgId = tenant.trim();
    String clientId = grant.get().getClientId();
    OrgFaults faults =
        store
            .find(orgId, OrgFaults.COLLECTION, OrgFaults.DOC_ID)
            .map(d -> OrgFaults.fromJson(d.json(), OrgFaults.NONE))
            .orElse(OrgFaults.NONE);
    RateLimiter.Decision decision = LIMITER.acquire(clientId, orgId, now, faults.apply(settings));
    try {
      Reply reply;
      if (!decision.granted()) {
        reply =
            Reply.text(429, "Rate limit exceeded")
                .header("X-Rate-Limit-Problem", decision.problem());
        if (decision.retryAfterSeconds() != null) {
          reply.header("Retry-After", String.valueOf(decision.retryAfterSeconds()));
        }
      } else {
        reply = withFaults(faults, request, settings, rest, orgId, clientId, now);
      }
      return reply
          .header("X-MinLimit-Remaining", String.valueOf(decision.remaining().minute()))
          .header("X-DayLimit-Remaining", String.valueOf(decision.remaining().day()))
          .header("X-AppMinLimit-Remaining", String.valueOf(decision.remaining().appMinute()))
          .header("Xero-Correlation-Id", UUID.randomUUID().toString());
    } finally {
      if (decision.granted()) {
        LIMITER.release(clientId, orgId);
      }
    }
  }

  /**
   * The organisation's fault injection around a call: added latency, a share of 500/503 answers
   * instead of the call, and "commit then fail" — a successful write whose answer is replaced by a
   * 500/503 or a dropped connection (after idempotency has stored the real answer, as a real lost
   * response would leave it).
   */
  private Reply withFaults(
      OrgFaults faults,
      HttpServletRequest request,
      SandboxSettings settings,
      String rest,
      String orgId,
      String clientId,
      Instant now)
      throws IOException {
    if (faults.latencyMs() > 0) {
      try {
        Thread.sleep(faults.latencyMs());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    int roll = RANDOM.nextInt(100);
    if (roll < faults.error500Percent()) {
      return Reply.text(500, OrgFaults.TEXT_500);
    }
    if (roll < faults.error500Percent() + faults.error503Percent()) {
      return Reply.text(503, OrgFaults.TEXT_503);
    }
    Reply reply = dispatch(request, settings, rest, orgId, clientId, now);
    boolean write = request.getMethod().equals("PUT") || request.getMethod().equals("POST");
    if (write
        && reply.status() >= 200
        && reply.status() < 300
        && RANDOM.nextInt(100) < faults.commitThenFailPercent()) {
      return switch (faults.commitThenFailMode()) {
        case "503" -> Reply.text(503, OrgFaults.TEXT_503);
        case "drop" -> reply.header(DROP, "true");
        default -> Reply.text(500, OrgFaults.TEXT_500);
      };
    }
    return reply;
  }

  private Reply dispatch(
      HttpServletRequest request,
      SandboxSettings settings,
      String rest,
      String orgId,
      String clientId,
      Instant now)
      throws IOException {
    String accept = request.getHeader("Accept");
    if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("application/json")) {
      return Reply.text(
          406,
          "The sandbox answers in JSON only: send Accept: application/json."
              + " (Xero answers in XML when no JSON is asked for.)");
    }
    String method = request.getMethod();
    byte[] bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      return Reply.text(413, "The request is larger than 10 MB");
    }
    String body = new String(bytes, StandardCharsets.UTF_8);
    Map<String, String> query = new LinkedHashMap<>();
    request.getParameterMap().forEach((k, v) -> query.put(k.toLowerCase(Locale.ROOT), v[0]));
    List<String> path = new ArrayList<>();
    for (String part : rest.split("/")) {
      if (!part.isEmpty()) {
        path.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
      }
    }
    AccountingApi.Call call =
        new AccountingApi.Call(
            method,
            path,
            query,
            request.getHeader("If-Modified-Since"),
            body,
            orgId,
            "LedgerBridge (sandbox demo app)");
    String key = request.getHeader("Idempotency-Key");
    if (key == null || !(method.equals("PUT") || method.equals("POST"))) {
      return accounting.handle(call);
    }
    if (key.length() > 128) {
      return Reply.validation(
          10, "ValidationException", "Idempotency Key: the key must be 128 characters or fewer.");
    }
    String fingerprint =
        PasswordHasher.tokenHash(
            method
                + " "
                + orgId
                + " "
                + rest.toLowerCase(Locale.ROOT)
                + "?"
                + new java.util.TreeMap<>(query)
                + "\n"
                + body);
    Optional<SandboxIdempotencyStore.Stored> stored = idempotency.find(clientId, key, now);
    if (stored.isPresent()) {
      return stored.get().requestHash().equals(fingerprint)
          ? new Reply(stored.get().status(), Reply.JSON, stored.get().body(), new LinkedHashMap<>())
          : Reply.validation(
              10,
              "ValidationException",
              "Idempotency Key: " + key + " is used with a different request.");
    }
    Reply reply = accounting.handle(call);
    idempotency.store(
        clientId,
        key,
        fingerprint,
        reply.status(),
        reply.body(),
        now.plus(settings.idempotencyWindow()));
    return reply;
  }

  private static void write(HttpServletResponse response, Reply reply) throws IOException {
    boolean drop = reply.headers().remove(DROP) != null;
    response.setStatus(reply.status());
    reply.headers().forEach(response::setHeader);
    if (drop) {
      // Promise the whole body, send half of it and close the connection: the caller sees the
      // headers and then an early end of stream, while the write has taken effect.
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      response.setHeader("Connection", "close");
      response.setContentType(reply.contentType());
      response.setContentLength(bytes.length);
      var out = response.getOutputStream();
      out.write(bytes, 0, bytes.length / 2);
      out.flush();
      out.close();
      return;
    }
    if (reply.status() == 302 || reply.status() == 204) {
      return;
    }
    response.setContentType(reply.contentType());
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
