package io.ledgerbridge.platform.security;

import java.util.Set;

/**
 * The roles of product.md §2. Staff roles are cumulative — an admin may do all an accountant may,
 * an accountant all a viewer may — so a user's groups include every role below theirs. {@code
 * integration} stands apart: the inventory system may only use the intake API.
 */
public enum Role {
  VIEWER("viewer"),
  ACCOUNTANT("accountant", "viewer"),
  ADMIN("admin", "accountant", "viewer"),
  INTEGRATION("integration");

  public static final String VIEWER_NAME = "viewer";
  public static final String ACCOUNTANT_NAME = "accountant";
  public static final String ADMIN_NAME = "admin";
  public static final String INTEGRATION_NAME = "integration";

  private final String name;
  private final Set<String> groups;

  Role(String name, String... lowerRoles) {
    this.name = name;
    java.util.Set<String> all = new java.util.LinkedHashSet<>();
    all.add(name);
    all.addAll(java.util.List.of(lowerRoles));
    this.groups = Set.copyOf(all);
  }

  public String roleName() {
    return name;
  }

  /** The security groups (mapped one-to-one to roles) a user with this role belongs to. */
  public Set<String> groups() {
    return groups;
  }

  public boolean isStaff() {
    return this != INTEGRATION;
  }

  public static Role ofName(String name) {
    for (Role role : values()) {
      if (role.name.equalsIgnoreCase(name)) {
        return role;
      }
    }
    throw new IllegalArgumentException("Unknown role " + name);
  }
}
