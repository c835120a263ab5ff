package org.risala.pull.connector;

import java.util.Map;

/**
 * What a back office answered: whether it has the record, and the variables for the reply template. A variable is
 * a String, a {@code List<Map<String, Object>>} (rendered by a template section, once per item) or a
 * {@code Map<String, Object>}.
 */
public record LookupResult(boolean found, Map<String, Object> variables) {

    public LookupResult {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }

    public static LookupResult found(Map<String, Object> variables) {
        return new LookupResult(true, variables);
    }

    public static LookupResult notFound() {
        return new LookupResult(false, Map.of());
    }
}
