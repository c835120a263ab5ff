package org.risala.pull;

import java.util.Objects;

/**
 * A service's replies, each in English and Arabic and written as a {@link ReplyTemplate}: {@code found} and
 * {@code notFound} see the back office's variables and the arguments; {@code invalid} sees {@code usage}, the usage
 * text of the argument that was missing or wrong; {@code unavailable} is sent when the back office is slow or down.
 */
public record ReplyTemplates(Bilingual found, Bilingual notFound, Bilingual invalid, Bilingual unavailable) {

    public ReplyTemplates {
        Objects.requireNonNull(found, "found");
        Objects.requireNonNull(notFound, "notFound");
        Objects.requireNonNull(invalid, "invalid");
        Objects.requireNonNull(unavailable, "unavailable");
    }
}
