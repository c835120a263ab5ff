package org.risala.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class HandsetsTests {

    @Test
    void dropsTheOldestMessageOverallBeyondCapacity() {
        Handsets handsets = new Handsets(3);

        handsets.receive(message("+96891111111", "a1"));
        handsets.receive(message("+96892222222", "b1"));
        handsets.receive(message("+96891111111", "a2"));
        handsets.receive(message("+96892222222", "b2"));

        assertThat(handsets.inbox("+96891111111")).extracting(HandsetMessage::text).containsExactly("a2");
        assertThat(handsets.inbox("+96892222222")).extracting(HandsetMessage::text).containsExactly("b1", "b2");

        handsets.receive(message("+96892222222", "b3"));
        assertThat(handsets.inbox("+96892222222")).extracting(HandsetMessage::text).containsExactly("b2", "b3");
        assertThat(handsets.inbox("+96891111111")).extracting(HandsetMessage::text).containsExactly("a2");
    }

    @Test
    void normalisesNumbersAsSmppAndPeopleWriteThem() {
        assertThat(Numbers.toE164("96891234567")).isEqualTo("+96891234567");
        assertThat(Numbers.toE164(" +96891234567")).isEqualTo("+96891234567");
        assertThat(Numbers.toE164("0096891234567")).isEqualTo("+96891234567");
        assertThat(Numbers.toE164("91234567")).isEqualTo("+96891234567");
        assertThat(Numbers.toE164("90085")).isEqualTo("90085");
        assertThat(Numbers.toE164("ROP")).isEqualTo("ROP");
    }

    private static HandsetMessage message(String to, String text) {
        return new HandsetMessage(to, "90085", text, "GSM7", 1, Instant.now(), List.of("1"), null);
    }
}
