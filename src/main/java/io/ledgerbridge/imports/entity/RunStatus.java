package io.ledgerbridge.imports.entity;

/** A run is RUNNING until every one of its items has an outcome, then DONE. */
public enum RunStatus {
  RUNNING,
  DONE
}
