package org.risala.subscriptions;

import java.math.BigDecimal;
import java.util.List;

import org.risala.outbound.SendRequest;
import org.risala.records.Normalisations;

/**
 * One topic citizens can subscribe to, as configured under {@code risala.subscriptions.topics}.
 *
 * @param name              what back offices call it in events ({@code "type"}), e.g. {@code violation}
 * @param keyword           what follows SUB / STOP in English, e.g. {@code VIO}
 * @param alias             the Arabic word for it, e.g. {@code مخالفات}
 * @param key               how the record a subscription is about is read (the same normalisation pull services use)
 * @param about             what the alerts are about, for the replies: "new violations"
 * @param alert             the alert text, with {@code {{key}}} and the event's data fields
 * @param plan              how it is charged
 * @param fee               OMR, three decimals; none for a free topic
 * @param reminderDays      days before an expiry date that reminders go out, e.g. 30, 7 and 1: a topic with them is
 *                          an expiry topic, whose documents' dates come from document.expiry events and feeds
 * @param quietHoursAllowed whether its alerts and reminders may be sent in quiet hours; false (the default) holds
 *                          them until quiet hours end
 * @param optional          whether a number on the opt-out list is skipped; false for alerts a citizen must get
 * @param serviceType       the SMPP service_type its messages carry, as agreed with the operators; null for their
 *                          default
 * @param missedReminders   what the sweep does with reminders whose day passed unsent; default NEAREST
 */
record Topic(String name, String keyword, String alias, Normalisations key, Texts about, Texts alert,
             PricePlan plan, BigDecimal fee, List<Integer> reminderDays, Boolean quietHoursAllowed,
             Boolean optional, String serviceType, MissedReminders missedReminders) {

    Topic {
        reminderDays = reminderDays == null ? List.of() : List.copyOf(reminderDays);
        quietHoursAllowed = quietHoursAllowed != null && quietHoursAllowed;
        optional = optional == null || optional;
        missedReminders = missedReminders == null ? MissedReminders.NEAREST : missedReminders;
    }

    boolean priced() {
        return plan != PricePlan.FREE;
    }

    /** how its alerts are marked for the operators: those of a PER_ALERT topic are charged to the recipient */
    SendRequest.Service alertService() {
        return new SendRequest.Service(serviceType, plan == PricePlan.PER_ALERT);
    }

    /** how the notices about a subscription (renewal, a failed charge) are marked: never charged */
    SendRequest.Service noticeService() {
        return new SendRequest.Service(serviceType, false);
    }

    /** whether its documents have expiry dates that reminders are sent for */
    boolean remindsOfExpiry() {
        return !reminderDays.isEmpty();
    }
}
