package io.ledgerbridge.settings.boundary;

import io.ledgerbridge.platform.BusinessException;
import jakarta.ejb.ApplicationException;

/** Someone saved the settings after the caller read them (optimistic locking, HTTP 409). */
@ApplicationException(rollback = true)
public class StaleSettings extends BusinessException.Conflict {

  private static final long serialVersionUID = 1L;

  private final long currentVersion;

  public StaleSettings(long currentVersion, String updatedBy) {
    super(
        "The settings were changed meanwhile"
            + (updatedBy == null ? "" : " by " + updatedBy)
            + " (now version "
            + currentVersion
            + "). Reload them and make your change again.");
    this.currentVersion = currentVersion;
  }

  public long currentVersion() {
    return currentVersion;
  }
}
