package io.ledgerbridge.xero.boundary;

import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.xero.control.PendingAuthorisation;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The redirect URI ({@code /ledgerbridge/xero/callback}, admins only by web.xml): checks that
 * {@code state} is the one this admin's session sent, exchanges the code with the PKCE verifier,
 * and returns to the Xero connection page, which shows the outcome and the organisations.
 */
@WebServlet(urlPatterns = "/xero/callback")
public class XeroCallbackServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(XeroCallbackServlet.class.getName());

  @Inject private transient XeroConnectionService service;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HttpSession session = request.getSession(false);
    PendingAuthorisation pending =
        session == null
            ? null
            : (PendingAuthorisation) session.getAttribute(PendingAuthorisation.SESSION_KEY);
    if (session != null) {
      session.removeAttribute(PendingAuthorisation.SESSION_KEY); // one use only
    }
    String outcome;
    if (pending == null || !pending.accepts(request.getParameter("state"), Instant.now())) {
      LOG.warning("Xero callback with an unknown, used or expired state: refused");
      outcome = "state";
    } else if (request.getParameter("error") != null) {
      outcome = "access_denied".equals(request.getParameter("error")) ? "denied" : "error";
    } else if (request.getParameter("code") == null) {
      outcome = "error";
    } else {
      try {
        service.completeAuthorisation(
            pending, request.getParameter("code"), request.getRemoteUser());
        outcome = "connected";
      } catch (BusinessException e) {
        LOG.log(Level.WARNING, "Connecting to Xero failed: {0}", e.getMessage());
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
