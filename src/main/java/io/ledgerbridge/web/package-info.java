/**
 * Faces backing beans. The package path mirrors the page path under {@code src/main/webapp}; beans
 * call boundaries and never touch the EntityManager.
 */
package io.ledgerbridge.web;
