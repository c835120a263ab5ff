package org.risala.api.clients;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What an API key may do. */
public enum Scope {
    MESSAGES, EVENTS, SUBSCRIPTIONS,
    /** the civil registry reporting that a citizen's number changed */
    NUMBER_CHANGES,
    ADMIN;

    /** as written in the API and stored: {@code number-changes} */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Scope parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown scope '" + value + "'; scopes are "
                    + Arrays.stream(values()).map(Scope::apiName).collect(Collectors.joining(", ")));
        }
    }

    static String format(Set<Scope> scopes) {
        return scopes.stream().map(Scope::apiName).sorted().collect(Collectors.joining(","));
    }

    static Set<Scope> parseAll(String stored) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String s : stored.split(",")) {
            if (!s.isBlank()) {
                scopes.add(parse(s));
            }
        }
        return scopes;
    }
}
