package org.risala.records;

import java.util.Optional;

/**
 * Turns an argument as a citizen typed it into the canonical value a back office is asked about, or nothing when the
 * text cannot be such a value. The named ones are in {@link Normalisations}.
 */
@FunctionalInterface
public interface Normalisation {

    Optional<String> normalise(String raw);
}
