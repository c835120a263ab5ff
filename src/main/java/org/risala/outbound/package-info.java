/**
 * The durable send queue and delivery tracking: every outbound SMS is committed before its caller hears
 * "accepted", dispatched by priority to an operator link, retried with backoff until its validity ends, followed
 * to its delivery receipt, and reported back through signed status callbacks. Owns the tables
 * {@code outbound_message}, {@code message_queue}, {@code message_part}, {@code message_event},
 * {@code receipt_inbox} and {@code status_callback}. Facade: {@link org.risala.outbound.OutboundMessaging}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outbound messages", allowedDependencies = {"smpp", "sms", "storage"})
package org.risala.outbound;
