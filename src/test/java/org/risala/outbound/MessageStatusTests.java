package org.risala.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class MessageStatusTests {

    @Test
    void aQueuedMessageIsSubmittedExpiresOrFails() {
        assertThat(MessageStatus.QUEUED.canMoveTo(MessageStatus.SUBMITTED)).isTrue();
        assertThat(MessageStatus.QUEUED.canMoveTo(MessageStatus.EXPIRED)).isTrue();
        assertThat(MessageStatus.QUEUED.canMoveTo(MessageStatus.FAILED)).isTrue();
        assertThat(MessageStatus.QUEUED.canMoveTo(MessageStatus.DELIVERED)).isFalse();
    }

    @Test
    void aSubmittedMessageEndsWithItsReceiptOrUnknown() {
        assertThat(MessageStatus.SUBMITTED.canMoveTo(MessageStatus.DELIVERED)).isTrue();
        assertThat(MessageStatus.SUBMITTED.canMoveTo(MessageStatus.UNKNOWN)).isTrue();
        assertThat(MessageStatus.SUBMITTED.canMoveTo(MessageStatus.QUEUED)).isFalse();
    }

    @Test
    void aFinalStatusNeverChanges() {
        Arrays.stream(MessageStatus.values()).filter(MessageStatus::isFinal).forEach(from ->
                Arrays.stream(MessageStatus.values()).forEach(to -> assertThat(from.canMoveTo(to))
                        .as(from + " -> " + to).isFalse()));
        assertThat(Arrays.stream(MessageStatus.values()).filter(s -> !s.isFinal()))
                .containsExactly(MessageStatus.QUEUED, MessageStatus.SUBMITTED);
    }

    @Test
    void everyStatusIsExplained() {
        Arrays.stream(MessageStatus.values()).forEach(s -> assertThat(s.meaning()).isNotBlank());
    }
}
