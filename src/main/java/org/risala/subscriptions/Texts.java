package org.risala.subscriptions;

import org.risala.inbound.spi.Language;

/** A text in English and Arabic. */
record Texts(String en, String ar) {

    String in(Language language) {
        return language == Language.AR ? ar : en;
    }
}
