package io.ledgerbridge.intake.boundary;

import io.ledgerbridge.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/** Serves the OpenAPI description of the intake API to anyone signed in and to integrations. */
@Path("v1/openapi.yaml")
@ApplicationScoped
public class OpenApiResource {

  @GET
  @Produces("application/yaml")
  @RolesAllowed({Role.VIEWER_NAME, Role.INTEGRATION_NAME})
  public Response description() {
    InputStream yaml =
        OpenApiResource.class.getResourceAsStream("/io/ledgerbridge/intake/openapi.yaml");
    return yaml == null ? Response.status(404).build() : Response.ok(yaml).build();
  }
}
