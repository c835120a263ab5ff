package org.risala.platform;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Formats instants for pages, in the configured zone; templates call it as {@code ${@times.format(t)}}. */
@Component("times")
public class Times {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final PlatformProperties properties;

    Times(PlatformProperties properties) {
        this.properties = properties;
    }

    public String format(Instant instant) {
        return instant == null ? "" : SECONDS.format(instant.atZone(properties.timeZone()));
    }

    /** with milliseconds, for timelines where several events fall in the same second */
    public String precise(Instant instant) {
        return instant == null ? "" : MILLIS.format(instant.atZone(properties.timeZone()));
    }

    public String zone() {
        return properties.timeZone().getId();
    }
}
