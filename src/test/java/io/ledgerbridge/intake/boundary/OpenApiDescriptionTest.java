package io.ledgerbridge.intake.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI description served at {@code /api/v1/openapi.yaml} is valid OpenAPI 3 with every
 * reference resolved, and describes each intake operation.
 */
class OpenApiDescriptionTest {

  @Test
  void theDescriptionIsValidAndHasEveryIntakeOperation() throws IOException {
    String yaml;
    try (InputStream in =
        OpenApiDescriptionTest.class.getResourceAsStream("/io/ledgerbridge/intake/openapi.yaml")) {
      assertNotNull(in, "openapi.yaml is on the class path");
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);

    assertEquals(List.of(), result.getMessages());
    OpenAPI api = result.getOpenAPI();
    assertNotNull(api.getPaths().get("/v1/transactions").getPost());
    assertNotNull(api.getPaths().get("/v1/transactions").getGet());
    assertNotNull(api.getPaths().get("/v1/stock-valuations").getPost());
    assertNotNull(api.getPaths().get("/v1/stock-valuations").getGet());
    assertNotNull(api.getComponents().getSchemas().get("StockValuation"));
  }
}
