package org.risala.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.risala.smpp.ReceiptState.DELIVERED;
import static org.risala.smpp.ReceiptState.ENROUTE;
import static org.risala.smpp.ReceiptState.EXPIRED;
import static org.risala.smpp.ReceiptState.REJECTED;
import static org.risala.smpp.ReceiptState.UNDELIVERED;

import java.util.List;

import org.junit.jupiter.api.Test;

class PartOutcomesTests {

    @Test
    void aMessageIsDeliveredOnlyWhenEveryPartIs() {
        assertThat(PartOutcomes.aggregate(List.of(DELIVERED, DELIVERED), 3)).isEmpty();
        assertThat(PartOutcomes.aggregate(List.of(DELIVERED, DELIVERED, ENROUTE), 3)).isEmpty();
        assertThat(PartOutcomes.aggregate(List.of(DELIVERED, DELIVERED, DELIVERED), 3)).contains(MessageStatus.DELIVERED);
    }

    @Test
    void oneFailedPartDecidesTheMessagesStatus() {
        assertThat(PartOutcomes.aggregate(List.of(DELIVERED, UNDELIVERED), 2)).contains(MessageStatus.UNDELIVERED);
        assertThat(PartOutcomes.aggregate(List.of(EXPIRED, REJECTED), 2)).contains(MessageStatus.REJECTED);
        assertThat(PartOutcomes.aggregate(List.of(EXPIRED), 1)).contains(MessageStatus.EXPIRED);
    }

    @Test
    void receiptStatesMapToMessageStatuses() {
        assertThat(PartOutcomes.statusOf(org.risala.smpp.ReceiptState.ACCEPTED)).isEqualTo(MessageStatus.DELIVERED);
        assertThat(PartOutcomes.statusOf(org.risala.smpp.ReceiptState.DELETED)).isEqualTo(MessageStatus.FAILED);
        assertThat(PartOutcomes.statusOf(org.risala.smpp.ReceiptState.UNKNOWN)).isEqualTo(MessageStatus.UNKNOWN);
    }
}
