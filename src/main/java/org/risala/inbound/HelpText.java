package org.risala.inbound;

import java.util.List;
import java.util.stream.Collectors;

import org.risala.inbound.spi.HelpLine;
import org.risala.inbound.spi.Language;
import org.risala.inbound.spi.ReplyFitter;

/**
 * The replies that are not a service's: the list of services for HELP / مساعدة, one line each, and the short
 * bilingual answer to a keyword nobody configured. Both are fitted to the given maximum of segments.
 */
final class HelpText {

    /**
     * Deliberately short: it answers every mistyped keyword and every spam text, and at 56 characters it is a single
     * UCS-2 segment, where "Unknown command. Send HELP for the list of services." with its Arabic would take two.
     */
    static final String UNKNOWN_COMMAND = "Unknown command. Send HELP. / أمر غير معروف. أرسل مساعدة";

    private final List<HelpLine> services;
    private final int maxSegments;

    HelpText(List<HelpLine> services, int maxSegments) {
        if (maxSegments < 1) {
            throw new IllegalArgumentException("maxSegments must be at least 1, was " + maxSegments);
        }
        this.services = List.copyOf(services);
        this.maxSegments = maxSegments;
    }

    /** the services in configuration order, in the language of the command */
    String help(Language language) {
        String text;
        if (services.isEmpty()) {
            text = language == Language.AR ? "لا توجد خدمات متاحة حاليا." : "No services are available at the moment.";
        } else {
            text = (language == Language.AR ? "الخدمات:" : "Services:") + "\n"
                    + services.stream().map(service -> service.line(language)).collect(Collectors.joining("\n"));
        }
        return ReplyFitter.fit(text, maxSegments, ReplyFitter.pointer(language));
    }

    String unknownCommand() {
        return ReplyFitter.fit(UNKNOWN_COMMAND, maxSegments, ReplyFitter.POINTER);
    }
}
