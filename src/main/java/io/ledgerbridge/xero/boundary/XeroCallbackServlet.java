package io.ledgerbridge.xero.boundary;

import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.xero.control.PendingAuthorisation;
import io.ledgerbridge.xero.control.PendingAuthorisations;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The redirect URI ({@code /ledgerbridge/xero/callback}, admins only by web.xml): takes the attempt
 * whose {@code state} came back from this admin's session (atomically, so a repeated hit cannot
 * exchange the code twice), exchanges the code with the PKCE verifier, and returns to the Xero
 * connection page, which shows the outcome and the organisations. The attempts live in the HTTP
 * session: with several nodes, the consent round trip needs sticky sessions (docs/deployment.md).
 */
@WebServlet(urlPatterns = "/xero/callback")
public class XeroCallbackServlet extends HttpServlet {

  /** Session attribute: why the last callback failed, shown once by the Xero page. */
  public static final String FAILURE_KEY = XeroCallbackServlet.class.getName() + ".failure";

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(XeroCallbackServlet.class.getName());
  private static final Object CREATE_LOCK = new Object();

  @Inject private transient XeroConnectionService service;

  /** This session's pending attempts, created if there are none yet. */
  public static PendingAuthorisations attempts(HttpSession session) {
    synchronized (CREATE_LOCK) {
      PendingAuthorisations attempts =
          (PendingAuthorisations) session.getAttribute(PendingAuthorisations.SESSION_KEY);
      if (attempts == null) {
        attempts = new PendingAuthorisations();
        session.setAttribute(PendingAuthorisations.SESSION_KEY, attempts);
      }
      return attempts;
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HttpSession session = request.getSession(false);
    Optional<PendingAuthorisation> pending =
        session == null
            ? Optional.empty()
            : attempts(session).take(request.getParameter("state"), Instant.now());
    String outcome;
    if (pending.isEmpty()) {
      LOG.warning("Xero callback with an unknown, used or expired state: refused");
      outcome = "state";
    } else if (request.getParameter("error") != null) {
      outcome = "access_denied".equals(request.getParameter("error")) ? "denied" : "error";
    } else if (request.getParameter("code") == null) {
      outcome = "error";
    } else {
      try {
        service.completeAuthorisation(
            pending.get(), request.getParameter("code"), request.getRemoteUser());
        outcome = "connected";
      } catch (BusinessException e) {
        LOG.log(Level.WARNING, "Connecting to Xero failed: {0}", e.getMessage());
        session.setAttribute(FAILURE_KEY, e.getMessage());
        outcome = "failed";
      } catch (RuntimeException e) {
        // Back to the page with a message rather than an error page; the details are logged.
        LOG.log(Level.SEVERE, "Connecting to Xero failed unexpectedly", e);
        outcome = "failed";
      }
    }
    response.setHeader("Cache-Control", "no-store");
    response.sendRedirect(request.getContextPath() + "/admin/xero.xhtml?result=" + outcome);
  }
}
