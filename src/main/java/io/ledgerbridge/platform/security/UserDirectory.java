package io.ledgerbridge.platform.security;

import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.platform.audit.AuditLog;
import io.ledgerbridge.platform.config.LedgerBridgeConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Users and API tokens: verifying credentials for the authentication mechanism, and the admin's
 * operations on them. Every change is audited.
 */
@Stateless
public class UserDirectory {

  /** An authenticated caller: the name the container knows them by and their groups. */
  public record Caller(String name, Set<String> groups) {}

  /** A token as it is shown once to the admin who created it. */
  public record NewToken(Long id, String name, String token) {}

  public static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,99}");

  @PersistenceContext private EntityManager em;
  @Inject private LedgerBridgeConfig config;
  @Inject private AuditLog audit;
  @Inject private VerifiedCredentials verified;

  private PasswordHasher hasher;

  /** Hashed once so that an unknown username costs as much time as a wrong password. */
  private static volatile String dummyHash;

  @PostConstruct
  void init() {
    hasher = new PasswordHasher(config.passwordIterations());
    if (dummyHash == null) {
      dummyHash = hasher.hash("not-a-password".toCharArray());
    }
  }

  public Optional<Caller> verifyPassword(String username, char[] password) {
    Optional<AppUser> user = findByUsername(username);
    String storedHash = user.map(AppUser::getPasswordHash).orElse(dummyHash);
    boolean matches =
        user.isPresent()
                && verified
                    .verifiedHash(user.get().getUsername(), password)
                    .filter(storedHash::equals)
                    .isPresent()
            || hasher.verify(password, storedHash);
    if (user.isEmpty() || !matches || !user.get().isEnabled()) {
      return Optional.empty();
    }
    AppUser found = user.get();
    String hash = found.getPasswordHash();
    if (hasher.needsRehash(hash)) {
      // Only if nobody changed it meanwhile; a concurrent sign-in doing the same is harmless.
      String newHash = hasher.hash(password);
      int updated =
          em.createQuery(
                  "UPDATE AppUser u SET u.passwordHash = :newHash"
                      + " WHERE u.id = :id AND u.passwordHash = :oldHash")
              .setParameter("newHash", newHash)
              .setParameter("id", found.getId())
              .setParameter("oldHash", hash)
              .executeUpdate();
      hash = updated == 1 ? newHash : hash;
    }
    verified.remember(found.getUsername(), password, hash);
    return Optional.of(new Caller(found.getUsername(), found.getRole().groups()));
  }

  /**
   * The caller behind a session, re-read on each request so disabling a user takes effect at once.
   */
  public Optional<Caller> activeUser(String username) {
    return findByUsername(username)
        .filter(AppUser::isEnabled)
        .map(u -> new Caller(u.getUsername(), u.getRole().groups()));
  }

  /**
   * Notes the time of a sign-in. One UPDATE without the row's version: simultaneous sign-ins to one
   * account each set it (the last one wins), and none fails on an optimistic-lock conflict.
   */
  public void recordLogin(String username) {
    em.createQuery("UPDATE AppUser u SET u.lastLoginAt = :now WHERE u.username = :name")
        .setParameter("now", Instant.now())
        .setParameter("name", username)
        .executeUpdate();
  }

  public Optional<Caller> verifyToken(String token) {
    if (token == null || token.isBlank() || token.length() > 200) {
      return Optional.empty();
    }
    List<ApiToken> found =
        em.createQuery("SELECT t FROM ApiToken t WHERE t.tokenHash = :hash", ApiToken.class)
            .setParameter("hash", PasswordHasher.tokenHash(token.trim()))
            .getResultList();
    if (found.isEmpty() || !found.get(0).isEnabled()) {
      return Optional.empty();
    }
    ApiToken apiToken = found.get(0);
    recordUse(apiToken);
    return Optional.of(new Caller("token:" + apiToken.getName(), Role.INTEGRATION.groups()));
  }

  /**
   * Notes a token's use, at most once a minute. One UPDATE without the row's version, as for
   * sign-ins: an integration sending eight requests at once would otherwise fail seven of them on
   * an optimistic-lock conflict while signing in, answered 500 before the request was read.
   */
  private void recordUse(ApiToken token) {
    Instant now = Instant.now();
    em.createQuery(
            "UPDATE ApiToken t SET t.lastUsedAt = :now WHERE t.id = :id"
                + " AND (t.lastUsedAt IS NULL OR t.lastUsedAt < :recent)")
        .setParameter("now", now)
        .setParameter("id", token.getId())
        .setParameter("recent", ApiToken.lastUseWorthKeeping(now))
        .executeUpdate();
  }

  public List<AppUser> users() {
    return em.createQuery("SELECT u FROM AppUser u ORDER BY u.username", AppUser.class)
        .getResultList();
  }

  public List<ApiToken> tokens() {
    return em.createQuery(
            "SELECT t FROM ApiToken t ORDER BY t.createdAt DESC, t.id DESC", ApiToken.class)
        .getResultList();
  }

  public long countUsers() {
    return em.createQuery("SELECT COUNT(u) FROM AppUser u", Long.class).getSingleResult();
  }

  public AppUser createUser(
      String username, String displayName, Role role, char[] password, String actor) {
    String name = normaliseUsername(username);
    if (findByUsername(name).isPresent()) {
      throw new BusinessException.Conflict("A user named " + name + " already exists.");
    }
    checkPassword(name, password);
    AppUser user =
        new AppUser(name, blankToNull(displayName), role, hasher.hash(password), Instant.now());
    em.persist(user);
    audit.record(actor, "USER_CREATED", name, "role " + role.roleName());
    return user;
  }

  /**
   * Makes a demo account usable with its published password, whatever happened to it before (a run
   * outside demo mode disables it); only for demo mode's well-known accounts.
   */
  public void ensureDemoUser(String username, Role role, String password) {
    Optional<AppUser> existing = findByUsername(username);
    if (existing.isEmpty()) {
      em.persist(
          new AppUser(username, null, role, hasher.hash(password.toCharArray()), Instant.now()));
      audit.record("system", "USER_CREATED", username, "demo user, role " + role.roleName());
      return;
    }
    AppUser user = existing.get();
    if (!user.isEnabled()
        || user.getRole() != role
        || !hasher.verify(password.toCharArray(), user.getPasswordHash())) {
      user.enable();
      user.changeRole(role);
      user.changePassword(hasher.hash(password.toCharArray()), Instant.now());
      audit.record("system", "USER_ENABLED", username, "demo user restored for demo mode");
    }
  }

  /**
   * Outside demo mode: makes sure the configured first admin can sign in while no enabled admin
   * exists — created if missing, otherwise enabled with the configured password. Returns whether
   * anything was done.
   */
  public boolean ensureConfiguredAdmin(String username, char[] password) {
    if (enabledAdmins() > 0) {
      return false;
    }
    String name = normaliseUsername(username);
    checkPassword(name, password);
    Optional<AppUser> existing = findByUsername(name);
    if (existing.isEmpty()) {
      em.persist(
          new AppUser(name, "Administrator", Role.ADMIN, hasher.hash(password), Instant.now()));
      audit.record("system", "USER_CREATED", name, "first admin from configuration");
    } else {
      AppUser user = existing.get();
      user.enable();
      user.changeRole(Role.ADMIN);
      user.changePassword(hasher.hash(password), Instant.now());
      audit.record("system", "USER_ENABLED", name, "admin restored from configuration");
    }
    return true;
  }

  public boolean hasEnabledAdmin() {
    return enabledAdmins() > 0;
  }

  public void resetPassword(Long userId, char[] newPassword, String actor) {
    AppUser user = user(userId);
    checkPassword(user.getUsername(), newPassword);
    user.changePassword(hasher.hash(newPassword), Instant.now());
    audit.record(actor, "USER_PASSWORD_RESET", user.getUsername(), null);
  }

  public void setEnabled(Long userId, boolean enabled, String actor) {
    AppUser user = user(userId);
    if (!enabled) {
      if (user.getUsername().equals(actor)) {
        throw new BusinessException.Conflict("You cannot disable your own account.");
      }
      if (user.getRole() == Role.ADMIN && user.isEnabled() && enabledAdmins() <= 1) {
        throw new BusinessException.Conflict("The last enabled admin cannot be disabled.");
      }
      user.disable();
    } else {
      user.enable();
    }
    audit.record(actor, enabled ? "USER_ENABLED" : "USER_DISABLED", user.getUsername(), null);
  }

  public void changeRole(Long userId, Role role, String actor) {
    AppUser user = user(userId);
    Role old = user.getRole();
    if (old == role) {
      return;
    }
    if (old == Role.ADMIN && user.isEnabled() && enabledAdmins() <= 1) {
      throw new BusinessException.Conflict("The last enabled admin must stay an admin.");
    }
    user.changeRole(role);
    audit.record(
        actor, "USER_ROLE_CHANGED", user.getUsername(), old.roleName() + " → " + role.roleName());
  }

  public NewToken createToken(String name, String actor) {
    String tokenName = blankToNull(name);
    if (tokenName == null || tokenName.length() > 100) {
      throw new BusinessException("Give the token a name of at most 100 characters.");
    }
    String token = PasswordHasher.newToken();
    ApiToken apiToken = new ApiToken(tokenName, token, actor, Instant.now());
    em.persist(apiToken);
    em.flush();
    audit.record(actor, "TOKEN_CREATED", tokenName, apiToken.getTokenHint());
    return new NewToken(apiToken.getId(), tokenName, token);
  }

  /** Makes demo mode's well-known token usable: registered if missing, enabled if disabled. */
  public void ensureDemoToken(String name, String token) {
    List<ApiToken> existing =
        em.createQuery("SELECT t FROM ApiToken t WHERE t.tokenHash = :hash", ApiToken.class)
            .setParameter("hash", PasswordHasher.tokenHash(token))
            .getResultList();
    if (existing.isEmpty()) {
      em.persist(new ApiToken(name, token, "system", Instant.now()));
      audit.record("system", "TOKEN_CREATED", name, "demo token");
    } else if (!existing.get(0).isEnabled()) {
      existing.get(0).enable();
      audit.record("system", "TOKEN_ENABLED", name, "demo token restored for demo mode");
    }
  }

  public void disableToken(Long tokenId, String actor) {
    ApiToken token = em.find(ApiToken.class, tokenId);
    if (token == null) {
      throw new BusinessException.NotFound("No such API token.");
    }
    token.disable();
    audit.record(actor, "TOKEN_DISABLED", token.getName(), token.getTokenHint());
  }

  /**
   * Outside demo mode, disables demo accounts left over from a demo run on the same database, so a
   * production instance never accepts admin/admin or the published demo token.
   */
  public int disableDemoCredentials(Set<String> demoUsernames, String demoToken) {
    int disabled = 0;
    for (String name : demoUsernames) {
      Optional<AppUser> user = findByUsername(name);
      if (user.isPresent()
          && user.get().isEnabled()
          && hasher.verify(name.toCharArray(), user.get().getPasswordHash())) {
        user.get().disable();
        audit.record("system", "USER_DISABLED", name, "demo credentials outside demo mode");
        disabled++;
      }
    }
    for (ApiToken token :
        em.createQuery(
                "SELECT t FROM ApiToken t WHERE t.tokenHash = :hash AND t.enabled = TRUE",
                ApiToken.class)
            .setParameter("hash", PasswordHasher.tokenHash(demoToken))
            .getResultList()) {
      token.disable();
      audit.record("system", "TOKEN_DISABLED", token.getName(), "demo token outside demo mode");
      disabled++;
    }
    return disabled;
  }

  private long enabledAdmins() {
    return em.createQuery(
            "SELECT COUNT(u) FROM AppUser u WHERE u.role = :role AND u.enabled = TRUE", Long.class)
        .setParameter("role", Role.ADMIN)
        .getSingleResult();
  }

  private AppUser user(Long id) {
    AppUser user = id == null ? null : em.find(AppUser.class, id);
    if (user == null) {
      throw new BusinessException.NotFound("No such user.");
    }
    return user;
  }

  private Optional<AppUser> findByUsername(String username) {
    if (username == null || username.isBlank()) {
      return Optional.empty();
    }
    return em
        .createQuery("SELECT u FROM AppUser u WHERE u.username = :name", AppUser.class)
        .setParameter("name", username.trim().toLowerCase(Locale.ROOT))
        .getResultList()
        .stream()
        .findFirst();
  }

  static String normaliseUsername(String username) {
    String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(name).matches()) {
      throw new BusinessException(
          "A username is 2 to 100 characters: letters, digits and . _ @ - (starting with a letter or digit).");
    }
    return name;
  }

  static void checkPassword(String username, char[] password) {
    PasswordPolicy.problem(username, password)
        .ifPresent(
            problem -> {
              throw new BusinessException(problem);
            });
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
