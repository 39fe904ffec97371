/**
 * Inbound mail: an IMAP poller that turns a customer's mail into a new EMAIL inquiry or a message
 * on the inquiry it answers. Reads the mailbox only (nothing is flagged, moved or deleted): the
 * {@code inbound_mail} table, keyed by folder UIDVALIDITY and UID, remembers what was taken, so a
 * restart or a second instance never takes a mail twice. Sending stays with the outbox dispatcher.
 */
package com.aftercare.inquiry.mail;
