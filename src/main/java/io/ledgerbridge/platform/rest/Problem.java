package io.ledgerbridge.platform.rest;

import io.ledgerbridge.platform.JsonFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problem details, the body of every error the REST API returns. */
public final class Problem {

  public static final String MEDIA_TYPE = "application/problem+json";

  private Problem() {}

  public static Response response(int status, String title, String detail) {
    return Response.status(status)
        .type(MEDIA_TYPE)
        .entity(body(status, title, detail).build().toString())
        .build();
  }

  public static JsonObjectBuilder body(int status, String title, String detail) {
    JsonObjectBuilder body =
        JsonFactory.createObjectBuilder()
            .add("type", "about:blank")
            .add("title", title)
            .add("status", status);
    if (detail != null) {
      body.add("detail", detail);
    }
    return body;
  }
}
