package io.ledgerbridge.imports.boundary;

import io.ledgerbridge.imports.entity.ImportRun;
import io.ledgerbridge.platform.security.Role;
import io.ledgerbridge.xero.boundary.RequestBase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;

/**
 * {@code POST /api/v1/xero/refresh} (accountant): "Refresh from Xero" — reads back the status of
 * every document LedgerBridge holds in Xero, in batches, as a background run: 202 and the run, to
 * follow at {@code /api/v1/import-runs/{id}}.
 */
@Path("v1/xero/refresh")
public class XeroRefreshResource {

  @Inject private ImportService imports;
  @Context private SecurityContext security;
  @Context private HttpServletRequest request;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.ACCOUNTANT_NAME)
  public Response refresh() {
    ImportRun run =
        imports.refresh(security.getUserPrincipal().getName(), RequestBase.of(request).browser());
    return Response.accepted(ImportJson.run(run).build().toString())
        .location(URI.create("v1/import-runs/" + run.getId()))
        .build();
  }
}
