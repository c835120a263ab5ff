package org.risala.pull.connector;

import java.util.HashMap;
import java.util.Map;

/** What every connector adds to the variables it read from the back office. */
final class Variables {

    private Variables() {
    }

    /**
     * The arguments join the variables, so a reply can say "plate {{plate}}" whatever the back office answered; a
     * variable read from the answer keeps its value.
     */
    static LookupResult foundWithArguments(Map<String, ?> read, Map<String, String> arguments) {
        Map<String, Object> variables = new HashMap<>(read);
        arguments.forEach((name, value) -> variables.putIfAbsent(name, value == null ? "" : value));
        return LookupResult.found(variables);
    }
}
