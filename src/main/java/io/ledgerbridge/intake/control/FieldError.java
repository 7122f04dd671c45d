package io.ledgerbridge.intake.control;

/** A problem with one field of an incoming transaction, e.g. {@code lines[2].quantity}. */
public record FieldError(String field, String message) {}
