package io.ledgerbridge.web.imports;

import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.security.Role;
import io.ledgerbridge.xero.boundary.RequestBase;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serial;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the page actions that change imports share: the server-side role check (buttons are hidden
 * from viewers, but a hidden button is no protection), the signed-in user, the base URL for links
 * back from Xero, one run per press of a button, and messages that survive the redirect after a
 * POST.
 */
public final class PageActions {

  private static final Logger LOG = Logger.getLogger(PageActions.class.getName());

  /** The Faces view state parameter: random per rendered page (server-side state saving). */
  private static final String VIEW_STATE = "jakarta.faces.ViewState";

  private static final String STARTED = PageActions.class.getName() + ".started";
  private static final long STARTING = -1L;

  private final FacesContext faces;

  public PageActions(FacesContext faces) {
    this.faces = faces;
  }

  public static boolean isAccountant(FacesContext faces) {
    return faces.getExternalContext().isUserInRole(Role.ACCOUNTANT_NAME);
  }

  /**
   * Whether the signed-in user may change imports; if not, the response is a 403 and the caller
   * returns without doing anything.
   */
  public boolean allowed() {
    if (isAccountant(faces)) {
      return true;
    }
    try {
      faces
          .getExternalContext()
          .responseSendError(403, "Only accountants and admins may import or change imports.");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
    return false;
  }

  public String user() {
    return faces.getExternalContext().getRemoteUser();
  }

  /** LedgerBridge's address as the browser sees it: the base of the links back from Xero. */
  public String requestBase() {
    return RequestBase.of((HttpServletRequest) faces.getExternalContext().getRequest()).browser();
  }

  /**
   * Starts a run once per press: the same form sent again (a double click, the browser resending
   * it) is answered with the run the first request started, even while that one is still starting.
   * The engine never sends a document twice anyway; this spares the user a second, empty run.
   *
   * @param action names the button, so two different buttons of one page are two presses
   * @return the run's id
   */
  public long startOnce(String action, Supplier<Long> start) {
    String viewState = faces.getExternalContext().getRequestParameterMap().get(VIEW_STATE);
    if (viewState == null) {
      return start.get();
    }
    String key = viewState + "|" + action;
    Recent started = recent();
    synchronized (started) {
      Long earlier = started.get(key);
      if (earlier == null) {
        started.put(key, STARTING);
      } else {
        return awaitEarlier(started, key);
      }
    }
    try {
      long id = start.get();
      synchronized (started) {
        started.put(key, id);
        started.notifyAll();
      }
      return id;
    } catch (RuntimeException e) {
      synchronized (started) {
        started.remove(key);
        started.notifyAll();
      }
      throw e;
    }
  }

  private static long awaitEarlier(Recent started, String key) {
    long until = System.currentTimeMillis() + 30_000;
    Long id = started.get(key);
    while (id != null && id == STARTING && System.currentTimeMillis() < until) {
      try {
        started.wait(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      id = started.get(key);
    }
    if (id == null || id == STARTING) {
      throw new BusinessException.Conflict(
          "This button was already pressed; see Import runs for the run it started.");
    }
    return id;
  }

  private Recent recent() {
    HttpSession session = (HttpSession) faces.getExternalContext().getSession(true);
    synchronized (PageActions.class) {
      Object existing = session.getAttribute(STARTED);
      if (existing instanceof Recent r) {
        return r;
      }
      Recent created = new Recent();
      session.setAttribute(STARTED, created);
      return created;
    }
  }

  /** The last presses of this session that started runs: form key → run id. */
  private static final class Recent extends LinkedHashMap<String, Long> {
    @Serial private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > 20;
    }
  }

  /**
   * Runs an action and turns a business problem into an error message on the next page; anything
   * else is logged and reported as an unexpected error (the details stay in the server log).
   *
   * @return whether it succeeded
   */
  public boolean attempt(Runnable action) {
    try {
      action.run();
      return true;
    } catch (BusinessException | EJBException e) {
      error(problem(e, "Import action failed", "Something went wrong"));
    }
    return false;
  }

  /**
   * Reads what a page shows. A business problem becomes an error message on this page; anything
   * else is logged and reported as "{@code failure}; the details are in the server log."
   */
  public <T> Optional<T> read(Supplier<T> read, String failure) {
    try {
      return Optional.of(read.get());
    } catch (BusinessException | EJBException e) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, problem(e, failure, failure), null));
      return Optional.empty();
    }
  }

  /** What to tell the user of a failure: a business problem's message, or the fallback (logged). */
  private static String problem(RuntimeException e, String logged, String fallback) {
    Throwable cause = e;
    while (cause instanceof EJBException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof BusinessException b) {
      return b.getMessage();
    }
    LOG.log(Level.WARNING, logged, e);
    return fallback + "; the details are in the server log.";
  }

  /** A message shown on the page the redirect leads to. */
  public void info(String text) {
    message(FacesMessage.SEVERITY_INFO, text);
  }

  public void error(String text) {
    message(FacesMessage.SEVERITY_ERROR, text);
  }

  private void message(FacesMessage.Severity severity, String text) {
    faces.addMessage(null, new FacesMessage(severity, text, null));
    faces.getExternalContext().getFlash().setKeepMessages(true);
  }

  /**
   * Redirects (after a POST) to a page of this application, e.g. {@code /imports/run.xhtml?id=1}.
   */
  public void redirect(String pathAndQuery) {
    ExternalContext external = faces.getExternalContext();
    try {
      external.redirect(external.getRequestContextPath() + pathAndQuery);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }
}
