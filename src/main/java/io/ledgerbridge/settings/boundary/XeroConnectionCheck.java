package io.ledgerbridge.settings.boundary;

import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.xero.boundary.ConnectionView;
import io.ledgerbridge.xero.boundary.ReferenceData;
import io.ledgerbridge.xero.boundary.XeroConnections;
import io.ledgerbridge.xero.client.XeroApiUsage;
import io.ledgerbridge.xero.client.XeroClient;
import io.ledgerbridge.xero.client.XeroTarget;
import io.ledgerbridge.xero.client.wire.Organisation;
import io.ledgerbridge.xero.entity.XeroOrganisation;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * "Test connection": one live call to Xero, and what an admin needs to know before a first import —
 * which organisation, its base currency and lock dates, the token, the API budget left, and whether
 * the reference data and the accounting settings are in place.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class XeroConnectionCheck {

  /** How a check came out. */
  public enum Level {
    OK,
    WARNING,
    FAILED
  }

  public record Check(String name, Level level, String detail) {}

  /** This node's calls to one endpoint since it started (the API budget panel). */
  public record EndpointUse(String endpoint, long calls) {}

  public record Result(
      Instant testedAt,
      boolean ok,
      String organisation,
      String tenantId,
      String baseCurrency,
      String countryCode,
      String timezone,
      LocalDate periodLockDate,
      LocalDate endOfYearLockDate,
      String tokenState,
      Instant accessExpiresAt,
      Integer callsLeftThisMinute,
      Integer callsLeftToday,
      Long answeredInMs,
      List<Check> checks,
      List<EndpointUse> callsByEndpoint,
      long rateLimited,
      long retries) {}

  @Inject private XeroConnections connections;
  @Inject private XeroClient client;
  @Inject private XeroApiUsage usage;
  @Inject private ReferenceData reference;
  @Inject private SettingsService settings;

  /**
   * Whether the mapped accounts and tax rates exist in the downloaded reference data and Xero would
   * accept them (FAILED with every problem), and what is still missing before a first import.
   */
  private Check accountingSettings() {
    SettingsService.View view = settings.view();
    if (!view.problems().isEmpty()) {
      return new Check(
          "Accounting settings",
          Level.FAILED,
          view.problems().stream()
              .map(p -> p.field() + ": " + p.message())
              .collect(Collectors.joining(" ")));
    }
    List<String> gaps = settings.gaps();
    if (!gaps.isEmpty()) {
      return new Check("Accounting settings", Level.WARNING, String.join(" ", gaps));
    }
    return new Check(
        "Accounting settings",
        Level.OK,
        "The mapped accounts, tax rates and tracking options exist and are usable; every tax code"
            + " seen is mapped. Import a few transactions first and check them in Xero.");
  }

  public Result run() {
    List<Check> checks = new ArrayList<>();
    Optional<ConnectionView> view = connections.current();
    XeroTarget target;
    try {
      target = connections.requireTarget();
    } catch (BusinessException e) {
      checks.add(new Check("Connection", Level.FAILED, e.getMessage()));
      return new Result(
          Instant.now(),
          false,
          view.map(ConnectionView::tenantName).orElse(null),
          view.map(ConnectionView::tenantId).orElse(null),
          null,
          null,
          null,
          null,
          null,
          view.map(v -> v.tokenState().name()).orElse("NOT_CONNECTED"),
          view.map(ConnectionView::accessExpiresAt).orElse(null),
          null,
          null,
          null,
          checks,
          List.of(),
          0,
          0);
    }
    checks.add(
        new Check(
            "Connection",
            Level.OK,
            view.map(v -> v.mode() + " connection to " + v.tenantName()).orElse("connected")));

    Organisation live = null;
    Long elapsed = null;
    long started = System.nanoTime();
    try {
      live = client.organisation(target);
      elapsed = (System.nanoTime() - started) / 1_000_000;
      checks.add(
          new Check("Xero answers", Level.OK, "GET Organisation answered in " + elapsed + " ms"));
    } catch (BusinessException e) {
      checks.add(new Check("Xero answers", Level.FAILED, e.getMessage()));
    }

    Optional<XeroOrganisation> stored = reference.organisation(target.tenantId());
    if (stored.isEmpty()) {
      checks.add(
          new Check(
              "Reference data",
              Level.WARNING,
              "Not downloaded yet: use Refresh from Xero on the Xero organisation page."));
    } else {
      int accounts = reference.accounts(target.tenantId()).size();
      int rates = reference.taxRates(target.tenantId()).size();
      checks.add(
          new Check(
              "Reference data",
              accounts > 0 && rates > 0 ? Level.OK : Level.WARNING,
              accounts
                  + " accounts and "
                  + rates
                  + " tax rates, downloaded "
                  + stored.get().getFetchedAt()));
    }
    checks.add(accountingSettings());

    XeroApiUsage.Snapshot budget = usage.snapshot(target.tenantId());
    boolean ok = checks.stream().noneMatch(c -> c.level() == Level.FAILED);
    Optional<ConnectionView> after = connections.current();
    return new Result(
        Instant.now(),
        ok,
        live != null && live.name != null
            ? live.name
            : after.map(ConnectionView::tenantName).orElse(null),
        target.tenantId(),
        live != null
            ? live.baseCurrency
            : stored.map(XeroOrganisation::getBaseCurrency).orElse(null),
        live != null ? live.countryCode : stored.map(XeroOrganisation::getCountryCode).orElse(null),
        live != null ? live.timezone : stored.map(XeroOrganisation::getTimezone).orElse(null),
        live != null
            ? live.periodLockDate
            : stored.map(XeroOrganisation::getPeriodLockDate).orElse(null),
        live != null
            ? live.endOfYearLockDate
            : stored.map(XeroOrganisation::getEndOfYearLockDate).orElse(null),
        after.map(v -> v.tokenState().name()).orElse("NOT_CONNECTED"),
        after.map(ConnectionView::accessExpiresAt).orElse(null),
        budget == null ? null : budget.minuteRemaining(),
        budget == null ? null : budget.dayRemaining(),
        elapsed,
        checks,
        budget == null
            ? List.of()
            : budget.callsByEndpoint().entrySet().stream()
                .map(e -> new EndpointUse(e.getKey(), e.getValue()))
                .toList(),
        budget == null ? 0 : budget.rateLimited(),
        budget == null ? 0 : budget.retries());
  }
}
