package org.risala.inbound.spi;

import java.util.Objects;

/**
 * What HELP / مساعدة says about one keyword: its usage in one line, e.g. {@code 12345AB - unpaid traffic violations}.
 * The Arabic line starts with the Arabic alias when there is one.
 */
public record HelpLine(String keyword, String arabicAlias, String usageEn, String usageAr) {

    public HelpLine {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(usageEn, "usageEn");
        Objects.requireNonNull(usageAr, "usageAr");
        if (keyword.isBlank()) {
            throw new IllegalArgumentException("a service needs a keyword");
        }
    }

    public String line(Language language) {
        return language == Language.AR
                ? (arabicAlias == null || arabicAlias.isBlank() ? keyword : arabicAlias) + " " + usageAr
                : keyword + " " + usageEn;
    }
}
