package io.ledgerbridge.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import java.util.Iterator;
import java.util.logging.Logger;

/**
 * A form sent with a view state the server does not hold (expired, from before a restart, or
 * forged) gets the "page has expired" page with status 400 and one line in the log. Without this
 * the container answers 500 and logs a long stack trace, which anyone could cause without signing
 * in. Everything else goes on to the wrapped handler (OmniFaces' AJAX-aware one).
 */
public class ExpiredViewHandlerFactory extends ExceptionHandlerFactory {

  static final String EXPIRED_PAGE = "/error/expired.xhtml";
  private static final Logger LOG = Logger.getLogger(ExpiredViewHandlerFactory.class.getName());

  public ExpiredViewHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  static final class Handler extends ExceptionHandlerWrapper {

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
      FacesContext faces = FacesContext.getCurrentInstance();
      for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
          events.hasNext(); ) {
        ExceptionQueuedEventContext event = events.next().getContext();
        ViewExpiredException expired = expired(event.getException());
        if (expired == null || faces == null || faces.getPartialViewContext().isAjaxRequest()) {
          continue;
        }
        events.remove();
        LOG.info(
            "A form for "
                + expired.getViewId()
                + " came with a view state this server does not hold (expired or forged): 400");
        ViewHandler views = faces.getApplication().getViewHandler();
        faces.setViewRoot(views.createView(faces, EXPIRED_PAGE));
        faces.getExternalContext().setResponseStatus(400);
        faces.renderResponse();
      }
      getWrapped().handle();
    }

    private static ViewExpiredException expired(Throwable thrown) {
      for (Throwable t = thrown; t != null; t = t.getCause()) {
        if (t instanceof ViewExpiredException v) {
          return v;
        }
      }
      return null;
    }
  }
}
