package org.risala.pull;

import org.risala.records.Normalisation;

import org.risala.inbound.spi.Language;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One argument of a pull service, as configured: the value the citizen typed is normalised, then must match
 * {@code pattern} as a whole. The usage texts tell the citizen how to write it when it does not.
 */
public record ArgumentSpec(String name, String pattern, Normalisation normalisation, String usageEn, String usageAr) {

    public ArgumentSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(normalisation, "normalisation");
        Objects.requireNonNull(usageEn, "usageEn");
        Objects.requireNonNull(usageAr, "usageAr");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an argument needs a name");
        }
        try {
            // compiled once here so that a bad configuration fails at start-up, not on a citizen's message
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("argument '" + name + "' has an invalid pattern: " + e.getMessage(), e);
        }
    }

    /** the normalised value when the raw text is a valid value of this argument */
    public Optional<String> accept(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return normalisation.normalise(raw).filter(value -> Pattern.matches(pattern, value));
    }

    public String usage(Language language) {
        return language == Language.AR ? usageAr : usageEn;
    }
}
