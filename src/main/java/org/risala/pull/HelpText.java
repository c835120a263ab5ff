package org.risala.pull;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The replies that are not a service's: the list of services for HELP / مساعدة, one line each, and the short
 * bilingual answer to a keyword nobody configured. Both are fitted to the given maximum of segments.
 */
public final class HelpText {

    /**
     * Deliberately short: it answers every mistyped keyword and every spam text, and at 56 characters it is a single
     * UCS-2 segment, where "Unknown command. Send HELP for the list of services." with its Arabic would take two.
     */
    public static final String UNKNOWN_COMMAND = "Unknown command. Send HELP. / أمر غير معروف. أرسل مساعدة";

    private final List<ServiceSummary> services;
    private final int maxSegments;

    /** what HELP says about one service; usage is one line, e.g. {@code 12345AB - unpaid traffic violations} */
    public record ServiceSummary(String keyword, String arabicAlias, String usageEn, String usageAr) {

        public ServiceSummary {
            Objects.requireNonNull(keyword, "keyword");
            Objects.requireNonNull(usageEn, "usageEn");
            Objects.requireNonNull(usageAr, "usageAr");
            if (keyword.isBlank()) {
                throw new IllegalArgumentException("a service needs a keyword");
            }
        }

        private String line(Language language) {
            return language == Language.AR
                    ? (arabicAlias == null || arabicAlias.isBlank() ? keyword : arabicAlias) + " " + usageAr
                    : keyword + " " + usageEn;
        }
    }

    public HelpText(List<ServiceSummary> services, int maxSegments) {
        if (maxSegments < 1) {
            throw new IllegalArgumentException("maxSegments must be at least 1, was " + maxSegments);
        }
        this.services = List.copyOf(services);
        this.maxSegments = maxSegments;
    }

    /** the services in configuration order, in the language of the command */
    public String help(Language language) {
        String text;
        if (services.isEmpty()) {
            text = language == Language.AR ? "لا توجد خدمات متاحة حاليا." : "No services are available at the moment.";
        } else {
            text = (language == Language.AR ? "الخدمات:" : "Services:") + "\n"
                    + services.stream().map(service -> service.line(language)).collect(Collectors.joining("\n"));
        }
        return ReplyFitter.fit(text, maxSegments, ReplyFitter.pointer(language));
    }

    public String unknownCommand() {
        return ReplyFitter.fit(UNKNOWN_COMMAND, maxSegments, ReplyFitter.POINTER);
    }
}
