package io.ledgerbridge.web;

import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import io.ledgerbridge.platform.security.LedgerBridgeAuthentication;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The login form: hands the credentials to the authentication mechanism, then goes where asked. */
@Named
@RequestScoped
public class LoginPage {

  @Inject private SecurityContext securityContext;
  @Inject private FacesContext faces;
  @Inject private LedgerBridgeConfig config;

  private String username;
  private String password;
  private String continueTo;
  private boolean signedOut;

  public String login() throws IOException {
    ExternalContext external = faces.getExternalContext();
    AuthenticationStatus status =
        securityContext.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username, password))
                .newAuthentication(true));
    password = null;
    if (status == AuthenticationStatus.SUCCESS) {
      external.redirect(external.getRequestContextPath() + safeTarget(continueTo));
      faces.responseComplete();
      return null;
    }
    boolean throttled =
        Boolean.TRUE.equals(external.getRequestMap().get(LedgerBridgeAuthentication.THROTTLED));
    faces.addMessage(
        null,
        new FacesMessage(
            FacesMessage.SEVERITY_ERROR,
            throttled
                ? "Too many failed sign-ins for this account. Wait a quarter of an hour, or ask an"
                    + " admin to reset the password."
                : "Wrong username or password, or the account is disabled.",
            null));
    return null;
  }

  /** Only paths inside LedgerBridge: a crafted link must not bounce a user to another site. */
  static String safeTarget(String target) {
    if (target == null
        || !target.startsWith("/")
        || target.startsWith("//")
        || target.contains("\\")
        || target.startsWith("/login.xhtml")
        || target.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return "/";
    }
    return target;
  }

  public boolean isSignedOut() {
    return signedOut;
  }

  public void setSignedOut(boolean signedOut) {
    this.signedOut = signedOut;
  }

  public boolean isDemoMode() {
    return config.demoMode();
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getContinueTo() {
    return continueTo;
  }

  public void setContinueTo(String continueTo) {
    this.continueTo = continueTo;
  }
}
