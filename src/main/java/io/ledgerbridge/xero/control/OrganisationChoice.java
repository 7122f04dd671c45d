package io.ledgerbridge.xero.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which of Xero's {@code /connections} LedgerBridge offers and which it picks without asking. Only
 * organisations are offered, those of the current consent first. A reconnect keeps the organisation
 * chosen before if the token may still use it; the only organisation is picked without asking only
 * when none was chosen before — otherwise a reconnect could silently switch the books LedgerBridge
 * writes to.
 */
public final class OrganisationChoice {

  private OrganisationChoice() {}

  /** The organisations to offer, those connected in consent {@code authEventId} first. */
  public static List<XeroConnectionInfo> offered(
      List<XeroConnectionInfo> connections, String authEventId) {
    List<XeroConnectionInfo> current = new ArrayList<>();
    List<XeroConnectionInfo> others = new ArrayList<>();
    for (XeroConnectionInfo c : connections) {
      if (c.isOrganisation()) {
        (fromConsent(c, authEventId) ? current : others).add(c);
      }
    }
    current.addAll(others);
    return current;
  }

  /**
   * The organisation to use without asking, if the answer is clear.
   *
   * @param offered from {@link #offered}
   * @param previousTenantId the organisation chosen before this (re)connect, or null
   */
  public static Optional<XeroConnectionInfo> automatic(
      List<XeroConnectionInfo> offered, String previousTenantId, String authEventId) {
    if (previousTenantId != null) {
      return offered.stream().filter(o -> previousTenantId.equals(o.tenantId())).findFirst();
    }
    List<XeroConnectionInfo> fromThisConsent =
        offered.stream().filter(o -> fromConsent(o, authEventId)).toList();
    List<XeroConnectionInfo> candidates = fromThisConsent.isEmpty() ? offered : fromThisConsent;
    return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
  }

  private static boolean fromConsent(XeroConnectionInfo c, String authEventId) {
    return authEventId != null && Objects.equals(authEventId, c.authEventId());
  }
}
