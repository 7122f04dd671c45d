/**
 * Backing beans of the import pages under {@code /imports}: the runs list and one run's live
 * progress and outcomes, plus what the transaction pages share to start runs (role check, one run
 * per press, messages across the redirect).
 */
package io.ledgerbridge.web.imports;
