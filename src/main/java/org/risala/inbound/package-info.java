/**
 * The mobile-originated (MO) pipeline: every SMS a citizen sends to a short code is stored before the SMSC hears it
 * was received. Keyword routing, reassembly and replies build on this (pull services, subscriptions, feedback).
 * Owns the table {@code inbound_message}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inbound messages", allowedDependencies = {"smpp", "sms", "outbound", "storage", "records"})
package org.risala.inbound;
