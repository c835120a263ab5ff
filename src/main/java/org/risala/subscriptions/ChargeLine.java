package org.risala.subscriptions;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One billing record as operators reconcile it.
 *
 * @param operator the operator that carried the alert, else the one the subscription came in on, else the one
 *                 whose prefixes serve the number
 * @param period   the month a MONTHLY charge is for; null for an alert
 * @param eventId  the event an alert charge is for; null for a month
 */
public record ChargeLine(long recordId, Instant createdAt, String msisdn, String operator, String topic,
                         String period, String eventId, String messageId, BigDecimal amount, String status) {

    ChargeLine withOperator(String to) {
        return new ChargeLine(recordId, createdAt, msisdn, to, topic, period, eventId, messageId, amount, status);
    }

    public String kind() {
        return period != null ? "MONTH" : "ALERT";
    }
}
