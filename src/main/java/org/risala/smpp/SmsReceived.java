package org.risala.smpp;

import java.time.Instant;

/**
 * A mobile-originated SMS (one part of it when {@code totalParts > 1}). Published synchronously on jSMPP's
 * receiving thread, like {@link DeliveryReceiptReceived}.
 *
 * @param from      the citizen's number as sent by the SMSC (not yet normalised), with a '+' before it when the
 *                  SMSC marked it international (TON 1)
 * @param to        the short code or number it was sent to
 * @param text      decoded text of this part
 * @param concatReference reference of the concatenated message, 0 for a single part
 */
public record SmsReceived(String operator, String from, String to, String text, int concatReference, int partNumber,
                          int totalParts, Instant receivedAt) {
}
