package org.risala.pull;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How lookups are protected and audited ({@code risala.pull.lookups.*}).
 *
 * @param distinctRecordsPerNumber how many different records (plates, IDs, applications) one number may look up per
 *                                 {@code distinctRecordsWindow}; asking about the same record again does not count.
 *                                 Beyond it the number is told to try later, and flagged: someone walking through
 *                                 plates to learn who owns which car
 * @param distinctRecordsWindow    the window of {@code distinctRecordsPerNumber}
 * @param replyRetention           how long the full reply text is kept in the lookup audit; who asked what, and the
 *                                 kind of answer, are kept for {@code auditRetention}
 * @param auditRetention           how long lookups are kept at all
 */
@ConfigurationProperties("risala.pull.lookups")
public record LookupProperties(Integer distinctRecordsPerNumber, Duration distinctRecordsWindow,
                               Duration replyRetention, Duration auditRetention) {

    public LookupProperties {
        distinctRecordsPerNumber = distinctRecordsPerNumber == null ? 5 : distinctRecordsPerNumber;
        distinctRecordsWindow = distinctRecordsWindow == null ? Duration.ofHours(1) : distinctRecordsWindow;
        replyRetention = replyRetention == null ? Duration.ofDays(30) : replyRetention;
        auditRetention = auditRetention == null ? Duration.ofDays(400) : auditRetention;
    }
}
