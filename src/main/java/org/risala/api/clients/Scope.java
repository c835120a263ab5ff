package org.risala.api.clients;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What an API key may do. */
public enum Scope {
    MESSAGES, EVENTS, SUBSCRIPTIONS, ADMIN;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scope parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
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
