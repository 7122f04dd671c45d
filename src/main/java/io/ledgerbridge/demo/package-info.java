/** Demo mode's dataset: generated deterministically and loaded through the normal intake path. */
package io.ledgerbridge.demo;
