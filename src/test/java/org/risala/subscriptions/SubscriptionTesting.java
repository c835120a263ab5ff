package org.risala.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.risala.simulator.HandsetMessage;
import org.risala.simulator.SmscSimulator;

/** Fresh numbers and commands sent from the simulated handset, for the subscriptions' integration tests. */
final class SubscriptionTesting {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static int next = 0;
    private static int nextRecord = 0;

    private SubscriptionTesting() {
    }

    /** a fresh number for each test, so that the per-number command limit never interferes between tests */
    static synchronized String newNumber() {
        return "+9689260" + String.format("%04d", next++);
    }

    /** a plate no other test subscribes to, so that events match only this test's subscriptions */
    static synchronized String newPlate() {
        return (10000 + nextRecord++) + "SB";
    }

    static synchronized String newVisaApplication() {
        return String.format("V2027%06d", nextRecord++);
    }

    /** sends the text to 90085 from the number and returns the reply it gets */
    static String ask(SmscSimulator simulator, String number, String text) {
        int before = simulator.inbox(number).size();
        simulator.injectMo(number, "90085", text);
        List<HandsetMessage> inbox = await().atMost(WAIT).until(() -> simulator.inbox(number),
                messages -> messages.size() > before);
        HandsetMessage reply = inbox.get(before);
        assertThat(reply.from()).isEqualTo("90085");
        return reply.text();
    }
}
