package io.ledgerbridge.sandbox;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the sandbox's requests and answers against Xero's official OpenAPI description in {@code
 * ../shared/xero-openapi} (or {@code -Dxero.openapi.dir}). Where the files are missing the check is
 * skipped and says so once. Xero's envelope fields and {@code …String} date twins appear in every
 * real answer but not in the schemas, so they are the only extra properties allowed.
 */
public final class XeroConformance {

  private static final String BASE = "/ledgerbridge/sandbox/api.xro/2.0";
  private static final Set<String> ENVELOPE = Set.of("Id", "Status", "ProviderName", "DateTimeUTC");
  private static final Pattern EXTRA = Pattern.compile("not allowed by the schema: \\[(.*)]");
  private static final OpenApiInteractionValidator ACCOUNTING = load();

  private XeroConformance() {}

  private static OpenApiInteractionValidator load() {
    Path dir = Path.of(System.getProperty("xero.openapi.dir", "../shared/xero-openapi"));
    Path spec = dir.resolve("xero_accounting.yaml");
    if (!Files.isRegularFile(spec)) {
      System.out.println(
          "XeroConformance: SKIPPED — "
              + spec.toAbsolutePath()
              + " not found, so sandbox answers are not checked against Xero's OpenAPI description");
      return null;
    }
    return OpenApiInteractionValidator.createForSpecificationUrl(spec.toUri().toString())
        .withBasePathOverride(BASE)
        .build();
  }

  public static boolean enabled() {
    return ACCOUNTING != null;
  }

  /** The violations of one Accounting API call (empty when conformant or when skipped). */
  static List<String> violations(
      String method,
      URI uri,
      Map<String, String> headers,
      String requestBody,
      HttpResponse<String> response) {
    return violations(
        method,
        uri,
        headers,
        requestBody,
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(null),
        response.body());
  }

  /**
   * The same for a call made by another HTTP client (the Xero client's Jersey calls): status,
   * content type and body of the answer given directly.
   */
  public static List<String> violations(
      String method,
      URI uri,
      Map<String, String> headers,
      String requestBody,
      int status,
      String contentType,
      String responseBody) {
    if (ACCOUNTING == null || !uri.getPath().startsWith(BASE)) {
      return List.of();
    }
    SimpleRequest.Builder request =
        new SimpleRequest.Builder(Request.Method.valueOf(method), uri.getPath());
    headers.forEach(request::withHeader);
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        request.withQueryParam(
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    if (requestBody != null) {
      request.withBody(requestBody);
    }
    SimpleResponse.Builder answer =
        SimpleResponse.Builder.status(status)
            .withContentType(contentType == null ? "application/json" : contentType)
            .withBody(responseBody);
    ValidationReport report = ACCOUNTING.validate(request.build(), answer.build());
    List<String> problems = new ArrayList<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() != ValidationReport.Level.ERROR || tolerated(message)) {
        continue;
      }
      problems.add(
          method
              + " "
              + uri.getPath()
              + " → "
              + status
              + ": "
              + message.getKey()
              + " "
              + message.getMessage());
    }
    return problems;
  }

  private static boolean tolerated(ValidationReport.Message message) {
    String key = message.getKey();
    // Custom connections need no xero-tenant-id (xero-api.md §2), though the spec marks it
    // required.
    if (key.equals("validation.request.parameter.header.missing")
        && message.getMessage().contains("xero-tenant-id")) {
      return true;
    }
    if (!key.endsWith("additionalProperties")) {
      return false;
    }
    // A 400's Elements echo the whole submitted object (xero-api.md §11.1); the spec's Element
    // schema lists only the error fields.
    if (message.getMessage().contains("[Path '/Elements/")) {
      return true;
    }
    Matcher m = EXTRA.matcher(message.getMessage());
    if (!m.find()) {
      return false;
    }
    for (String property : m.group(1).replace("\"", "").split(",")) {
      String name = property.trim();
      if (!ENVELOPE.contains(name) && !name.endsWith("String")) {
        return false;
      }
    }
    return true;
  }
}
