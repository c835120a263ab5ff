package org.risala.inbound;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Inbound settings ({@code risala.inbound.*}).
 *
 * @param shortCodes       the short codes Risala answers at; an SMS to another number is stored, not answered
 * @param duplicateWindow  the same text as the number's latest SMS (to the same short code) within this time is taken
 *                         for the SMSC resending it (its deliver_sm_resp was lost), and stored once
 * @param concatTimeout    a concatenated message still missing parts this long after its first part is stored with
 *                         the parts that came, so that a lost part does not lose the rest
 * @param claimLease       how long a node keeps the SMS it stored to itself; after that (it died) another answers
 * @param answerWithin     an SMS still unanswered this long after it came (every node was down) gets no answer:
 *                         the citizen has long given up, and a reply now would confuse
 * @param commandsPerNumber how many commands one number may send per {@code rateWindow}; the next gets one polite
 *                         reply, the ones after it none, until the window passes
 * @param rateWindow       the window of {@code commandsPerNumber}
 * @param helpMaxSegments  the longest HELP reply
 * @param routerThreads    threads that read commands and hand them to the keyword services
 */
@ConfigurationProperties("risala.inbound")
public record InboundProperties(List<String> shortCodes, Duration duplicateWindow, Duration concatTimeout,
                                Duration claimLease, Duration answerWithin, Integer commandsPerNumber,
                                Duration rateWindow, Integer helpMaxSegments, Integer routerThreads) {

    public InboundProperties {
        shortCodes = shortCodes == null || shortCodes.isEmpty() ? List.of("90085") : List.copyOf(shortCodes);
        duplicateWindow = duplicateWindow == null ? Duration.ofMinutes(2) : duplicateWindow;
        concatTimeout = concatTimeout == null ? Duration.ofMinutes(30) : concatTimeout;
        claimLease = claimLease == null ? Duration.ofMinutes(1) : claimLease;
        answerWithin = answerWithin == null ? Duration.ofHours(1) : answerWithin;
        commandsPerNumber = commandsPerNumber == null ? 10 : commandsPerNumber;
        rateWindow = rateWindow == null ? Duration.ofMinutes(1) : rateWindow;
        helpMaxSegments = helpMaxSegments == null ? 3 : helpMaxSegments;
        routerThreads = routerThreads == null ? 2 : routerThreads;
    }
}
