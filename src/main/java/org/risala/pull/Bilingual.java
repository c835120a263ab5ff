package org.risala.pull;

import java.util.Objects;

import org.risala.inbound.spi.Language;

/** A text configured in English and in Arabic, e.g. a reply template or a usage line. */
public record Bilingual(String en, String ar) {

    public Bilingual {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(ar, "ar");
    }

    public String in(Language language) {
        return language == Language.AR ? ar : en;
    }
}
