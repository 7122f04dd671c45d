package io.ledgerbridge.settings.boundary;

import io.ledgerbridge.platform.BusinessException;
import io.ledgerbridge.settings.control.SettingsError;
import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * Settings that cannot be stored, with every error and its field path. Status 400 when the input
 * itself is malformed (unknown fields, wrong types), 422 when it is well-formed but refused by the
 * validation against Xero's reference data or the allowed ranges.
 */
@ApplicationException(rollback = true)
public class SettingsInvalid extends BusinessException {

  private static final long serialVersionUID = 1L;

  private final transient List<SettingsError> errors;

  public SettingsInvalid(int status, List<SettingsError> errors) {
    super(
        status,
        errors.size() == 1
            ? "The settings were not saved: "
                + errors.get(0).field()
                + " "
                + errors.get(0).message()
            : "The settings were not saved: " + errors.size() + " problems, listed in errors.");
    this.errors = List.copyOf(errors);
  }

  public List<SettingsError> errors() {
    return errors;
  }
}
