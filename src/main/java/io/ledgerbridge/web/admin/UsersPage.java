package io.ledgerbridge.web.admin;

import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.security.ApiToken;
import io.ledgerbridge.platform.security.AppUser;
import io.ledgerbridge.platform.security.Role;
import io.ledgerbridge.platform.security.UserDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Admin page for users (create, enable/disable, role, password reset) and integration tokens. */
@Named
@ViewScoped
public class UsersPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private transient UserDirectory directory;

  private transient List<AppUser> users;
  private transient List<ApiToken> tokens;

  private String newUsername;
  private String newDisplayName;
  private Role newRole = Role.VIEWER;
  private String newPassword;

  private Long resetUserId;
  private String resetPassword;
  private Long roleUserId;
  private Role roleValue;

  private String tokenName;

  /** The token just created; shown once on this view and never again. */
  private String createdToken;

  @PostConstruct
  void load() {
    users = directory.users();
    tokens = directory.tokens();
  }

  public void createUser() {
    run(
        () ->
            directory.createUser(newUsername, newDisplayName, newRole, chars(newPassword), actor()),
        "User " + newUsername + " created.");
    newPassword = null;
    if (!FacesContext.getCurrentInstance().isValidationFailed()) {
      newUsername = null;
      newDisplayName = null;
    }
  }

  public void setEnabled(Long userId, boolean enabled) {
    run(
        () -> directory.setEnabled(userId, enabled, actor()),
        enabled ? "User enabled." : "User disabled.");
  }

  public void resetPassword() {
    run(
        () -> directory.resetPassword(resetUserId, chars(resetPassword), actor()),
        "Password reset.");
    resetPassword = null;
  }

  public void changeRole() {
    run(() -> directory.changeRole(roleUserId, roleValue, actor()), "Role changed.");
  }

  public void createToken() {
    createdToken = null;
    run(
        () -> createdToken = directory.createToken(tokenName, actor()).token(),
        "Token created. Copy it now: it is shown only once.");
    tokenName = null;
  }

  public void disableToken(Long tokenId) {
    run(() -> directory.disableToken(tokenId, actor()), "Token disabled.");
  }

  private void run(Runnable action, String success) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      action.run();
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, success, null));
    } catch (BusinessException e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
      faces.validationFailed();
    } catch (jakarta.ejb.EJBException e) {
      if (e.getCause() instanceof BusinessException business) {
        faces.addMessage(
            null, new FacesMessage(FacesMessage.SEVERITY_ERROR, business.getMessage(), null));
        faces.validationFailed();
      } else {
        throw e;
      }
    }
    load();
  }

  private static char[] chars(String text) {
    return text == null ? new char[0] : text.toCharArray();
  }

  private static String actor() {
    return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
  }

  public List<Role> getStaffRoles() {
    return List.of(Role.VIEWER, Role.ACCOUNTANT, Role.ADMIN);
  }

  public List<AppUser> getUsers() {
    if (users == null) {
      load();
    }
    return users;
  }

  public List<ApiToken> getTokens() {
    if (tokens == null) {
      load();
    }
    return tokens;
  }

  public String getNewUsername() {
    return newUsername;
  }

  public void setNewUsername(String newUsername) {
    this.newUsername = newUsername;
  }

  public String getNewDisplayName() {
    return newDisplayName;
  }

  public void setNewDisplayName(String newDisplayName) {
    this.newDisplayName = newDisplayName;
  }

  public Role getNewRole() {
    return newRole;
  }

  public void setNewRole(Role newRole) {
    this.newRole = newRole;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public Long getResetUserId() {
    return resetUserId;
  }

  public void setResetUserId(Long resetUserId) {
    this.resetUserId = resetUserId;
  }

  public String getResetPassword() {
    return resetPassword;
  }

  public void setResetPassword(String resetPassword) {
    this.resetPassword = resetPassword;
  }

  public Long getRoleUserId() {
    return roleUserId;
  }

  public void setRoleUserId(Long roleUserId) {
    this.roleUserId = roleUserId;
  }

  public Role getRoleValue() {
    return roleValue;
  }

  public void setRoleValue(Role roleValue) {
    this.roleValue = roleValue;
  }

  public String getTokenName() {
    return tokenName;
  }

  public void setTokenName(String tokenName) {
    this.tokenName = tokenName;
  }

  public String getCreatedToken() {
    return createdToken;
  }
}
