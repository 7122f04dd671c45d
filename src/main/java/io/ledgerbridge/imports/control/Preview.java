package io.ledgerbridge.imports.control;

import io.ledgerbridge.imports.control.DocumentMapper.Mapping;
import io.ledgerbridge.imports.control.DocumentMapper.Problem;
import io.ledgerbridge.imports.entity.XeroDocument;
import io.ledgerbridge.intake.entity.Kind;
import java.util.List;

/**
 * What importing one transaction would do: the exact document to send (the mapping, already
 * carrying the Xero id and status for an update), what LedgerBridge would do with it, and every
 * reason it cannot go and every warning.
 *
 * @param action CREATE, UPDATE, or NONE (nothing to send: already in Xero unchanged, or locked)
 * @param document what LedgerBridge knows of the Xero document so far; null if never imported
 */
public record Preview(
    Long transactionId,
    Kind kind,
    String sourceId,
    long sourceVersion,
    Action action,
    String contactId,
    Mapping mapping,
    String sentHash,
    List<Problem> blocking,
    List<Problem> warnings,
    XeroDocument document) {

  /** What an import would do with the transaction. */
  public enum Action {
    CREATE,
    UPDATE,
    NONE
  }

  public Preview {
    blocking = List.copyOf(blocking);
    warnings = List.copyOf(warnings);
  }

  public boolean blocked() {
    return !blocking.isEmpty();
  }

  /** Something would be sent. */
  public boolean sendable() {
    return blocking.isEmpty() && action != Action.NONE;
  }

  public List<String> blockingMessages() {
    return blocking.stream().map(Problem::message).toList();
  }
}
