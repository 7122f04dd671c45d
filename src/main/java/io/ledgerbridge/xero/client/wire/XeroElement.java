package io.ledgerbridge.xero.client.wire;

import java.util.List;
import java.util.Objects;

/**
 * An element of a batch answer: with {@code summarizeErrors=false} each one says whether it was
 * saved ({@code StatusAttributeString} OK or WARNING) or refused (ERROR, with its {@code
 * ValidationErrors}).
 */
public abstract class XeroElement extends XeroObject {

  public String statusAttributeString;
  public List<ValidationMessage> validationErrors;
  public List<ValidationMessage> warnings;
  public Boolean hasErrors;
  public Boolean hasValidationErrors;

  /** Xero's validation messages for this element (empty if none). */
  public List<String> errorMessages() {
    return texts(validationErrors);
  }

  public List<String> warningMessages() {
    return texts(warnings);
  }

  /** Refused: ERROR, or errors present although the status attribute is missing. */
  public boolean refused() {
    return "ERROR".equalsIgnoreCase(statusAttributeString)
        || Boolean.TRUE.equals(hasErrors)
        || Boolean.TRUE.equals(hasValidationErrors)
        || !errorMessages().isEmpty();
  }

  static List<String> texts(List<ValidationMessage> messages) {
    return messages == null
        ? List.of()
        : messages.stream()
            .filter(Objects::nonNull)
            .map(ValidationMessage::text)
            .filter(Objects::nonNull)
            .toList();
  }
}
