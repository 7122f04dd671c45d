package io.ledgerbridge.platform.rest;

import io.ledgerbridge.platform.BusinessException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception from the REST API into problem JSON. Business exceptions carry a message
 * meant for the caller; anything else is logged with an id and answered without internals.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
    Throwable cause = unwrap(exception);
    if (cause instanceof BusinessException business) {
      return Problem.response(business.status(), title(business.status()), business.getMessage());
    }
    if (cause instanceof EJBAccessException) {
      return Problem.response(403, "Forbidden", "Your role does not allow this.");
    }
    if (cause instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      return Problem.response(status, title(status), status >= 500 ? null : web.getMessage());
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error in the REST API, incident " + incident, cause);
    return Problem.response(
        500,
        "Internal Server Error",
        "Something went wrong on our side. Quote incident " + incident + " to your administrator.");
  }

  private static Throwable unwrap(Throwable exception) {
    Throwable current = exception;
    while (current instanceof EJBException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  static String title(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return known == null ? "Error" : known.getReasonPhrase();
  }
}
