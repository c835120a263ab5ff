/**
 * Operator links over SMPP 3.4 (jSMPP). Owns one {@code OperatorSession} per configured bind: connecting and
 * binding while this node holds the bind's lease (table {@code bind_lease}), enquire_link, reconnect with capped
 * backoff, the per-bind TPS limiter and in-flight window, mapping of submit_sm / deliver_sm, receipt parsing and
 * message-id normalisation.
 * <p>
 * Facade: {@link org.risala.smpp.OperatorLinks}. Publishes {@link org.risala.smpp.DeliveryReceiptReceived} and
 * {@link org.risala.smpp.SmsReceived}. jSMPP types never leave this package.
 */
@ApplicationModule(displayName = "Operator links (SMPP)", allowedDependencies = {"sms", "simulator"})
package org.risala.smpp;

import org.springframework.modulith.ApplicationModule;
