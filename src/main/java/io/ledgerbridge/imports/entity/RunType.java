package io.ledgerbridge.imports.entity;

/** What a run does: send documents to Xero, or read their status back. */
public enum RunType {
  IMPORT,
  REFRESH
}
