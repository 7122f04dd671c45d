/** Backing beans of the pages under /contacts: matching source contacts to Xero contacts. */
package io.ledgerbridge.web.contacts;
