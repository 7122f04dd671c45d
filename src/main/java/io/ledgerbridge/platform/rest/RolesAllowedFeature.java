package io.ledgerbridge.platform.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Enforces {@code @RolesAllowed} on REST resources that are CDI beans (the container enforces it
 * only on EJBs). A method without either annotation inherits its class's; a resource with neither
 * is refused, so forgetting an annotation fails closed.
 */
@Provider
public class RolesAllowedFeature implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {
    Method method = resourceInfo.getResourceMethod();
    Class<?> type = resourceInfo.getResourceClass();
    if (method.isAnnotationPresent(PermitAll.class)) {
      return;
    }
    RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
    if (roles == null && !type.isAnnotationPresent(PermitAll.class)) {
      roles = type.getAnnotation(RolesAllowed.class);
    }
    if (roles == null && type.isAnnotationPresent(PermitAll.class)) {
      return;
    }
    context.register(new Check(roles == null ? new String[0] : roles.value()));
  }

  private record Check(String[] roles) implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      var security = request.getSecurityContext();
      if (security.getUserPrincipal() == null) {
        request.abortWith(Problem.response(401, "Unauthorized", "Sign in first."));
        return;
      }
      for (String role : roles) {
        if (security.isUserInRole(role)) {
          return;
        }
      }
      request.abortWith(Problem.response(403, "Forbidden", "Your role does not allow this."));
    }
  }
}
