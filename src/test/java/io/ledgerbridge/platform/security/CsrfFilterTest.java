package io.ledgerbridge.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which page requests the CSRF filter lets through. */
class CsrfFilterTest {

  /** A request with just the parts the filter reads; anything else it asks for fails the test. */
  private static HttpServletRequest request(
      String method, String path, Map<String, String> headers, Map<String, String> parameters) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            CsrfFilterTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, m, args) ->
                switch (m.getName()) {
                  case "getMethod" -> method;
                  case "getContextPath" -> "/ledgerbridge";
                  case "getRequestURI" -> "/ledgerbridge" + path;
                  case "getHeader" ->
                      headers.entrySet().stream()
                          .filter(e -> e.getKey().equalsIgnoreCase((String) args[0]))
                          .map(Map.Entry::getValue)
                          .findFirst()
                          .orElse(null);
                  case "getParameter" -> parameters.get((String) args[0]);
                  case "toString" -> method + " " + path;
                  default -> throw new UnsupportedOperationException(m.getName());
                });
  }

  private static HttpServletRequest withHeaders(String... nameValues) {
    Map<String, String> headers = new HashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      headers.put(nameValues[i], nameValues[i + 1]);
    }
    return request("POST", "/index.xhtml", headers, Map.of());
  }

  @Test
  void aRequestWithoutOriginOrFetchMetadataIsNotCrossSite() {
    assertFalse(CsrfFilter.isCrossSite(withHeaders("Host", "ledger.example.com")));
  }

  @Test
  void fetchMetadataCrossSiteIsCrossSite() {
    assertTrue(
        CsrfFilter.isCrossSite(
            withHeaders("Host", "ledger.example.com", "Sec-Fetch-Site", "cross-site")));
    assertFalse(
        CsrfFilter.isCrossSite(
            withHeaders("Host", "ledger.example.com", "Sec-Fetch-Site", "same-origin")));
  }

  @Test
  void anOriginMatchingTheHostIsSameSite() {
    assertFalse(
        CsrfFilter.isCrossSite(
            withHeaders("Host", "ledger.example.com", "Origin", "https://ledger.example.com")));
    assertFalse(
        CsrfFilter.isCrossSite(
            withHeaders("Host", "localhost:8080", "Origin", "http://localhost:8080")));
    assertFalse(
        CsrfFilter.isCrossSite(
            withHeaders("Host", "Ledger.Example.com", "Origin", "https://ledger.example.com")));
  }

  @Test
  void anotherHostOrPortIsCrossSite() {
    assertTrue(
        CsrfFilter.isCrossSite(
            withHeaders("Host", "ledger.example.com", "Origin", "https://evil.example")));
    assertTrue(
        CsrfFilter.isCrossSite(
            withHeaders("Host", "localhost:8080", "Origin", "http://localhost:9090")));
    assertTrue(
        CsrfFilter.isCrossSite(
            withHeaders(
                "Host",
                "ledger.example.com",
                "Origin",
                "https://ledger.example.com.evil.example")));
  }

  @Test
  void anOpaqueMalformedOrUncheckableOriginIsCrossSite() {
    assertTrue(CsrfFilter.isCrossSite(withHeaders("Host", "ledger.example.com", "Origin", "null")));
    assertTrue(
        CsrfFilter.isCrossSite(withHeaders("Host", "ledger.example.com", "Origin", "http://[bad")));
    assertTrue(CsrfFilter.isCrossSite(withHeaders("Origin", "https://ledger.example.com")));
  }

  private record Outcome(boolean passed, int error) {}

  private static Outcome filter(HttpServletRequest request) throws Exception {
    AtomicInteger error = new AtomicInteger();
    HttpServletResponse response =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                CsrfFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, m, args) -> {
                  if (m.getName().equals("sendError")) {
                    error.set((Integer) args[0]);
                    return null;
                  }
                  throw new UnsupportedOperationException(m.getName());
                });
    AtomicBoolean passed = new AtomicBoolean();
    FilterChain chain = (req, res) -> passed.set(true);
    new CsrfFilter().doFilter(request, response, chain);
    return new Outcome(passed.get(), error.get());
  }

  private static final Map<String, String> VIEW_STATE = Map.of(CsrfFilter.VIEW_STATE, "123:456");
  private static final Map<String, String> SAME_HOST = Map.of("Host", "localhost:8080");

  @Test
  void readsPassWithoutViewState() throws Exception {
    assertEquals(new Outcome(true, 0), filter(request("GET", "/index.xhtml", SAME_HOST, Map.of())));
    assertEquals(
        new Outcome(true, 0), filter(request("HEAD", "/index.xhtml", SAME_HOST, Map.of())));
  }

  @Test
  void aPagePostWithoutViewStateIsForbidden() throws Exception {
    assertEquals(
        new Outcome(false, 403), filter(request("POST", "/login.xhtml", SAME_HOST, Map.of())));
    assertEquals(
        new Outcome(false, 403), filter(request("PUT", "/index.xhtml", SAME_HOST, Map.of())));
  }

  @Test
  void aPagePostWithViewStateFromTheSameSitePasses() throws Exception {
    assertEquals(
        new Outcome(true, 0),
        filter(
            request(
                "POST",
                "/login.xhtml",
                Map.of("Host", "localhost:8080", "Origin", "http://localhost:8080"),
                VIEW_STATE)));
  }

  @Test
  void aCrossSitePostIsForbiddenEvenWithAViewState() throws Exception {
    assertEquals(
        new Outcome(false, 403),
        filter(
            request(
                "POST",
                "/login.xhtml",
                Map.of("Host", "localhost:8080", "Origin", "https://evil.example"),
                VIEW_STATE)));
    assertEquals(
        new Outcome(false, 403),
        filter(
            request(
                "POST",
                "/login.xhtml",
                Map.of("Host", "localhost:8080", "Sec-Fetch-Site", "cross-site"),
                VIEW_STATE)));
  }

  @Test
  void aViewStateInAGetIsForbiddenFromAnySite() throws Exception {
    // Faces runs the form's action for any request carrying a view state, GET included.
    Map<String, String> form = Map.of(CsrfFilter.VIEW_STATE, "123:456", "users:create", "");
    assertEquals(
        new Outcome(false, 403), filter(request("GET", "/admin/users.xhtml", SAME_HOST, form)));
    assertEquals(
        new Outcome(false, 403),
        filter(
            request(
                "GET",
                "/admin/users.xhtml",
                Map.of("Host", "localhost:8080", "Sec-Fetch-Site", "cross-site"),
                form)));
    assertEquals(
        new Outcome(false, 403), filter(request("HEAD", "/admin/users.xhtml", SAME_HOST, form)));
  }

  @Test
  void theApiIsLeftToItsOwnAuthentication() throws Exception {
    assertEquals(
        new Outcome(true, 0),
        filter(
            request(
                "POST",
                "/api/v1/transactions",
                Map.of("Origin", "https://evil.example"),
                Map.of())));
  }
}
