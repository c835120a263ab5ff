package org.risala.outbound;

import java.util.Collection;
import java.util.Optional;

import org.risala.smpp.ReceiptState;

/**
 * Turns the receipts of a message's parts into the message's status: DELIVERED only when every part is; otherwise,
 * once every part has a final receipt, the most telling failure among them.
 */
final class PartOutcomes {

    private PartOutcomes() {
    }

    /** the message status a receipt state means for one part */
    static MessageStatus statusOf(ReceiptState state) {
        return switch (state) {
            // ACCEPTD: "read on the subscriber's behalf" is final per SMPP 3.4; we count it as delivered
            case DELIVERED, ACCEPTED -> MessageStatus.DELIVERED;
            case EXPIRED -> MessageStatus.EXPIRED;
            case UNDELIVERED -> MessageStatus.UNDELIVERED;
            case REJECTED -> MessageStatus.REJECTED;
            case DELETED -> MessageStatus.FAILED;
            case UNKNOWN -> MessageStatus.UNKNOWN;
            case ENROUTE -> MessageStatus.SUBMITTED;
        };
    }

    /**
     * @param partStates the receipt state of each part that has one (parts without a receipt are absent)
     * @param segments   how many parts the message has
     */
    static Optional<MessageStatus> aggregate(Collection<ReceiptState> partStates, int segments) {
        long finals = partStates.stream().filter(ReceiptState::isFinal).count();
        if (finals < segments) {
            return Optional.empty();
        }
        MessageStatus worst = MessageStatus.DELIVERED;
        for (ReceiptState state : partStates) {
            MessageStatus s = statusOf(state);
            if (severity(s) > severity(worst)) {
                worst = s;
            }
        }
        return Optional.of(worst);
    }

    private static int severity(MessageStatus s) {
        return switch (s) {
            case DELIVERED -> 0;
            case UNKNOWN -> 1;
            case EXPIRED -> 2;
            case FAILED -> 3;
            case UNDELIVERED -> 4;
            case REJECTED -> 5;
            default -> -1;
        };
    }
}
