package org.risala.inbound.spi;

import java.time.Instant;

/**
 * A stored incoming SMS, complete (a concatenated one reassembled), as a keyword service sees it.
 *
 * @param id         its row in {@code inbound_message}
 * @param operator   the operator it came in on; the reply goes back through the same one
 * @param from       the citizen's number in E.164 ({@code +96891234567}), or as the SMSC gave it when it did not parse
 * @param shortCode  the short code it was sent to, which the reply comes from
 * @param text       what the citizen wrote
 * @param receivedAt when Risala stored it
 */
public record IncomingSms(long id, String operator, String from, String shortCode, String text, Instant receivedAt) {
}
