package org.risala.pull;

import org.risala.records.Normalisations;

/**
 * One argument of a service as configured: its name (the variable the connector and the templates use), the
 * {@link Normalisations} applied to what the citizen typed, the pattern the normalised value must match, and
 * how to write it, in English and Arabic.
 */
public record ArgumentDefinition(String name, Normalisations normalisation, String pattern, Bilingual usage) {

    public ArgumentDefinition {
        normalisation = normalisation == null ? Normalisations.NONE : normalisation;
        pattern = pattern == null || pattern.isBlank() ? ".+" : pattern;
    }

    /** @throws IllegalArgumentException when the name is blank, the pattern invalid or the usage missing */
    public ArgumentSpec toSpec() {
        if (usage == null) {
            throw new IllegalArgumentException("argument '" + name + "' needs its usage in English and Arabic");
        }
        return new ArgumentSpec(name == null ? "" : name, pattern, normalisation, usage.en(), usage.ar());
    }
}
