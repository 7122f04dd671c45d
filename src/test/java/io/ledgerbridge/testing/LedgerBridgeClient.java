package io.ledgerbridge.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the integration tests say to a running LedgerBridge: the intake API as the inventory system
 * calls it (Bearer token), the read API as staff scripts call it (HTTP Basic), and the pages as a
 * browser does (cookies, the login form with its view state, no automatic redirects).
 */
public final class LedgerBridgeClient {

  public static final String DEMO_TOKEN = "demo-integration-token";
  public static final String JSON = "application/json";
  public static final String PROBLEM_JSON = "application/problem+json";
  public static final String INTAKE = "api/v1/transactions";

  private static final Pattern FORM =
      Pattern.compile("<form\\b[^>]*\\bid=\"([^\"]+)\"[^>]*>(.*?)</form>", Pattern.DOTALL);
  private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.DOTALL);
  private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:.-]+)=\"([^\"]*)\"");

  private final URI base;
  private final HttpClient http;

  public LedgerBridgeClient(URL base) {
    try {
      String text = base.toExternalForm();
      URI uri = new URI(text.endsWith("/") ? text : text + "/");
      // Arquillian's Payara Micro container reads the application's URL from Payara's output and
      // now and then reports only the server (http://host:port/); here the context root is always
      // /ledgerbridge (the archive's name and glassfish-web.xml).
      this.base =
          uri.getPath() == null || uri.getPath().equals("/") ? uri.resolve("/ledgerbridge/") : uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** The application's base, e.g. {@code http://localhost:8181/ledgerbridge/}. */
  public URI base() {
    return base;
  }

  /**
   * A path relative to the context root ({@code "api/v1/transactions"}), or absolute ({@code
   * "/health/ready"}).
   */
  public URI uri(String path) {
    return base.resolve(path);
  }

  /** scheme://host:port of the application, as a browser would send it in {@code Origin}. */
  public String origin() {
    return base.getScheme()
        + "://"
        + base.getHost()
        + (base.getPort() == -1 ? "" : ":" + base.getPort());
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(120));
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  /**
   * A JSON call with an {@code Authorization} header (e.g. {@link #basic}); {@code body} null for
   * none. The one place the ITs build such calls.
   */
  public HttpResponse<String> call(String authorization, String method, String path, String body) {
    HttpRequest.Builder request = request(path).header("Authorization", authorization);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return send(
        request.method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
  }

  /** {@link #call} as a demo user whose password is its name (admin, accountant, viewer). */
  public HttpResponse<String> as(String demoUser, String method, String path, String body) {
    return call(basic(demoUser, demoUser), method, path, body);
  }

  /** {@link #call} as the demo admin. */
  public HttpResponse<String> asAdmin(String method, String path, String body) {
    return as("admin", method, path, body);
  }

  // ---- API ----------------------------------------------------------------------------------

  public static String bearer(String token) {
    return "Bearer " + token;
  }

  public static String basic(String username, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** POSTs a raw body to the intake API as the demo inventory system. */
  public HttpResponse<String> postIntake(String body) {
    return send(
        request(INTAKE)
            .header("Authorization", bearer(DEMO_TOKEN))
            .header("Content-Type", JSON)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  /** POSTs items that the API must accept as a request (200), returning its {@code results}. */
  public Results intake(JsonObject... items) {
    HttpResponse<String> response = postIntake(TestTransactions.body(items));
    assertStatus(200, response);
    return new Results(json(response));
  }

  /** GET as the demo viewer (HTTP Basic), expecting JSON. */
  public HttpResponse<String> getAsViewer(String path) {
    return send(request(path).header("Authorization", basic("viewer", "viewer")).GET());
  }

  /** What is stored for a kind and source id, read through the API; empty on 404. */
  public Optional<JsonObject> stored(String kind, String sourceId) {
    HttpResponse<String> response =
        getAsViewer(INTAKE + "/" + encodePath(kind) + "/" + encodePath(sourceId));
    if (response.statusCode() == 404) {
      assertProblem(404, response);
      return Optional.empty();
    }
    assertStatus(200, response);
    return Optional.of(json(response));
  }

  public JsonObject storedOrFail(String kind, String sourceId) {
    return stored(kind, sourceId).orElseGet(() -> fail(kind + "/" + sourceId + " was not stored"));
  }

  /** The list API with query parameters given as name/value pairs. */
  public JsonObject list(String... nameValues) {
    HttpResponse<String> response = getAsViewer(INTAKE + query(nameValues));
    assertStatus(200, response);
    return json(response);
  }

  public static String query(String... nameValues) {
    if (nameValues.length == 0) {
      return "";
    }
    StringBuilder query = new StringBuilder("?");
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      if (i > 0) {
        query.append('&');
      }
      query
          .append(URLEncoder.encode(nameValues[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
    }
    return query.toString();
  }

  private static String encodePath(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public static JsonObject json(HttpResponse<String> response) {
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      throw new AssertionError(
          "Not a JSON object (HTTP " + response.statusCode() + "): " + abbreviate(response.body()),
          e);
    }
  }

  public static void assertStatus(int expected, HttpResponse<String> response) {
    assertEquals(
        expected,
        response.statusCode(),
        () ->
            response.request().method()
                + " "
                + response.uri()
                + " answered "
                + response.statusCode()
                + ": "
                + abbreviate(response.body()));
  }

  /** The status, problem+json as the content type and a body with the same status in it. */
  public static JsonObject assertProblem(int expected, HttpResponse<String> response) {
    assertStatus(expected, response);
    assertEquals(PROBLEM_JSON, contentType(response), "content type of " + response.uri());
    JsonObject problem = json(response);
    assertEquals(expected, problem.getInt("status"), "status inside the problem body");
    return problem;
  }

  public static String contentType(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Content-Type")
        .map(t -> t.split(";")[0].trim())
        .orElse(null);
  }

  static String abbreviate(String text) {
    return text == null || text.length() <= 600 ? text : text.substring(0, 600) + "…";
  }

  // ---- Pages ----------------------------------------------------------------------------------

  /**
   * The form with the given id on a page: every hidden input (view state included) and every
   * input's name.
   */
  public static Map<String, String> formFields(String html, String formId) {
    Matcher form = FORM.matcher(html);
    while (form.find()) {
      if (!form.group(1).equals(formId)) {
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      Matcher input = INPUT.matcher(form.group(2));
      while (input.find()) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(input.group(1));
        while (attribute.find()) {
          attributes.put(attribute.group(1), unescape(attribute.group(2)));
        }
        if (attributes.containsKey("name")) {
          fields.put(attributes.get("name"), attributes.getOrDefault("value", ""));
        }
      }
      return fields;
    }
    throw new AssertionError("No form with id " + formId + " in: " + abbreviate(html));
  }

  private static String unescape(String value) {
    return value
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  public static String formBody(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  public HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers) {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(formBody(fields)));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  /** The login form as a browser gets it: fields with the view state, the session cookie kept. */
  public Map<String, String> openLoginForm(String continueTo) {
    HttpResponse<String> page =
        get("login.xhtml" + (continueTo == null ? "" : query("continue", continueTo)));
    assertStatus(200, page);
    return formFields(page.body(), "login");
  }

  /** Fills in and submits the login form; returns the response to the POST (302 on success). */
  public HttpResponse<String> login(
      String username, String password, String continueTo, String... headers) {
    Map<String, String> fields = new LinkedHashMap<>(openLoginForm(continueTo));
    fields.put("login:username", username);
    fields.put("login:password", password);
    fields.put("login:submit", "");
    return postForm("login.xhtml", fields, headers);
  }

  /** Signs in through the form and checks that it worked. */
  public void signIn(String username, String password) {
    HttpResponse<String> response = login(username, password, null);
    assertStatus(302, response);
  }

  /**
   * Where a redirect goes, resolved the way a browser resolves it: surrounding blanks trimmed, tabs
   * and line breaks dropped, spaces percent-encoded.
   */
  public static URI redirectTarget(HttpResponse<?> response) {
    String location =
        response
            .headers()
            .firstValue("Location")
            .orElseThrow(() -> new AssertionError("No Location header on " + response.uri()));
    return response
        .uri()
        .resolve(location.strip().replaceAll("[\\t\\r\\n]", "").replace(" ", "%20"));
  }

  /** The {@code results} of an intake response, by index. */
  public record Results(JsonObject json) {

    public int size() {
      return json.getJsonArray("results").size();
    }

    public JsonObject get(int index) {
      JsonObject result = json.getJsonArray("results").getJsonObject(index);
      assertEquals(index, result.getInt("index"), "results are in request order");
      return result;
    }

    public String outcome(int index) {
      return get(index).getString("outcome");
    }

    /** field → message of one item's errors (messages of a repeated field joined by " | "). */
    public Map<String, String> errors(int index) {
      return get(index).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
          .collect(
              Collectors.toMap(
                  e -> e.getString("field"),
                  e -> e.getString("message"),
                  (a, b) -> a + " | " + b,
                  LinkedHashMap::new));
    }

    @Override
    public String toString() {
      return json.toString();
    }
  }
}
