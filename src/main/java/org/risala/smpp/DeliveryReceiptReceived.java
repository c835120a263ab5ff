package org.risala.smpp;

import java.time.Instant;

/**
 * A delivery receipt from an operator. Published synchronously on jSMPP's receiving thread: a listener that must
 * not lose it persists it before returning, and throws to make the SMSC send it again.
 *
 * @param smscMessageId normalised with the operator's message-id format, comparable to {@link SubmitResult.PartAccepted}
 * @param state     DELIVERED, UNDELIVERED, EXPIRED, REJECTED, DELETED, UNKNOWN, ACCEPTED or ENROUTE
 * @param errorCode the receipt's err: field or network error code, may be null
 * @param doneAt    the receipt's done date, or the time it arrived when absent
 */
public record DeliveryReceiptReceived(String operator, String smscMessageId, ReceiptState state, String errorCode,
                                      Instant submittedAt, Instant doneAt) {
}
