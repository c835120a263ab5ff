package org.risala.pull;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps the secrets of HTTP connectors off pages and out of API answers. A header value that is a {@code ${name}}
 * reference (optionally after an authentication scheme: {@code Bearer ${TRAFFIC_TOKEN}}) names a secret kept in the
 * environment and is shown as is; any other value may be a secret itself and is shown as {@link #MASK}. A masked
 * value that comes back unchanged in an edit keeps the stored value, so an ADMIN can change a reply without retyping
 * the back office's key.
 */
public final class SecretHeaders {

    public static final String MASK = "****";

    private static final Pattern REFERENCE = Pattern.compile("(?:[A-Za-z][A-Za-z0-9._-]*\\s+)?\\$\\{[^}\\s]+}");

    private SecretHeaders() {
    }

    public static boolean isReference(String value) {
        return value != null && REFERENCE.matcher(value.strip()).matches();
    }

    /** the definition with every header value that is not a reference replaced by {@link #MASK} */
    public static ServiceDefinition masked(ServiceDefinition definition) {
        if (definition.connector() == null || definition.connector().headers().isEmpty()) {
            return definition;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        definition.connector().headers().forEach((name, value) -> headers.put(name, isReference(value) ? value : MASK));
        return Definitions.withHeaders(definition, headers);
    }

    /**
     * The edited definition with each header still {@link #MASK}ed given the stored value of that header (header
     * names compared without case, as HTTP does). A masked header the stored definition does not have stays masked,
     * which validation refuses.
     */
    static ServiceDefinition unmasked(ServiceDefinition edited, ServiceDefinition stored) {
        if (stored == null || stored.connector() == null || edited.connector() == null
                || !edited.connector().headers().containsValue(MASK)) {
            return edited;
        }
        Map<String, String> storedByName = new LinkedHashMap<>();
        stored.connector().headers().forEach((name, value) -> storedByName.put(name.toLowerCase(Locale.ROOT), value));
        Map<String, String> headers = new LinkedHashMap<>();
        edited.connector().headers().forEach((name, value) -> headers.put(name,
                MASK.equals(value) ? storedByName.getOrDefault(name.toLowerCase(Locale.ROOT), MASK) : value));
        return Definitions.withHeaders(edited, headers);
    }
}
