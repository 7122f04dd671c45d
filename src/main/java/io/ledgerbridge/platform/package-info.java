/**
 * Cross-cutting infrastructure with no business meaning: typed configuration, the datasource and
 * its versioned migrations, security (users, API tokens, authentication, CSRF), audit, REST
 * plumbing and health checks.
 */
package io.ledgerbridge.platform;
