/**
 * The organisation's accounting settings: method, default and override accounts, tax and tracking
 * mappings, numbering, dates, rounding and the import window. Validated against the downloaded Xero
 * reference data; read by import and the "why not importable" reasons through {@link
 * io.ledgerbridge.settings.boundary.SettingsService}.
 */
package io.ledgerbridge.settings;
