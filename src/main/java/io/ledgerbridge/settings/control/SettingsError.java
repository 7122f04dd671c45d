package io.ledgerbridge.settings.control;

/** One problem with the settings, at a JSON path such as {@code accounts.sales}. */
public record SettingsError(String field, String message) {}
