package org.risala.outbound;

import java.time.Instant;

/**
 * A request to send one SMS, as callers give it (the number and text are not validated yet).
 *
 * @param clientId        the API client sending it, or null for Risala's own modules
 * @param origin          which part of Risala sent it, e.g. "api"
 * @param sender          short code, alphanumeric sender or number; null for the operator's default
 * @param priority        null for NORMAL
 * @param sendAt          when to send it; null or in the past for now
 * @param validityMinutes how long it may wait and be retried; null for the default
 * @param callbackUrl     where final statuses are posted; null for none
 * @param testMode        sent by a test key: it only ever reaches the simulator
 * @param idempotencyKey  the caller's key: the same key and request give the same message, sent once
 * @param requestHash     fingerprint of the request, to tell a repeated request from a different one with the same key
 * @param operator        the operator to send through when it is up, e.g. the one a citizen's SMS came in on (the
 *                        number is known to be reachable there); null to route by the number's prefix
 * @param service         what the operator is told the message is for, and whether the recipient is charged for it;
 *                        null for {@link Service#NONE}
 */
public record SendRequest(
        Long clientId,
        String origin,
        String to,
        String text,
        String sender,
        Priority priority,
        String reference,
        Instant sendAt,
        Integer validityMinutes,
        String callbackUrl,
        boolean testMode,
        String idempotencyKey,
        String requestHash,
        String operator,
        Service service) {

    public SendRequest {
        service = service == null ? Service.NONE : service;
    }

    /** a reply to a citizen's SMS: at high priority, from the short code, through the operator the SMS came on */
    public static SendRequest reply(String origin, String to, String text, String shortCode, String operator) {
        return new SendRequest(null, origin, to, text, shortCode, Priority.HIGH, null, null, null, null, false, null,
                null, operator, Service.NONE);
    }

    /**
     * The SMPP service_type of a message and whether it is charged to its recipient (a premium alert), kept with the
     * message so that operator billing can be wired to it.
     *
     * @param type       the submit_sm service_type, up to 5 characters agreed with the operators; null for their default
     * @param chargeable the recipient pays for this message
     */
    public record Service(String type, boolean chargeable) {

        public static final Service NONE = new Service(null, false);

        public Service {
            if (type != null && (type.isEmpty() || type.length() > 5 || !type.chars().allMatch(c -> c > 32 && c < 127))) {
                throw new IllegalArgumentException("an SMPP service_type is 1 to 5 printable ASCII characters");
            }
        }
    }
}
