package org.risala.subscriptions;

import java.time.Instant;
import java.util.List;

/**
 * A business (a fleet company) that subscribes keys for its contact numbers.
 *
 * @param contacts the numbers that get its alerts, E.164, sorted
 */
public record BusinessAccount(long id, String name, String commercialRegistration, List<String> contacts,
                              Instant createdAt) {
}
