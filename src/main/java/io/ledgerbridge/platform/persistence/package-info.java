/**
 * The database: which datasource is used (embedded H2, a JDBC URL or a server resource), the
 * versioned Flyway migrations that own the schema, and JPA type conversions.
 */
package io.ledgerbridge.platform.persistence;
