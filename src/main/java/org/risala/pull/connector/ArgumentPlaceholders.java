package org.risala.pull.connector;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.io.JsonStringEncoder;

/**
 * The {@code {name}} placeholders of an HTTP connector's URL and body, each replaced by the argument of that name,
 * encoded for where it goes; a missing argument is an empty string. Only a name directly between braces is a
 * placeholder, so the braces of a JSON body are left alone.
 */
final class ArgumentPlaceholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([\\p{L}\\p{N}_.-]+)}");

    private ArgumentPlaceholders() {
    }

    static String fill(String template, Map<String, String> arguments, UnaryOperator<String> encoding) {
        return PLACEHOLDER.matcher(template).replaceAll(placeholder -> {
            String value = arguments.get(placeholder.group(1));
            return Matcher.quoteReplacement(encoding.apply(value == null ? "" : value));
        });
    }

    /** every placeholder replaced by the same text, to check what a template gives before any citizen asks */
    static String sample(String template, String value) {
        return PLACEHOLDER.matcher(template).replaceAll(Matcher.quoteReplacement(value));
    }

    /**
     * Percent-encoding that is right in a path segment as well as in a query: {@link URLEncoder} writes a space as
     * {@code +}, which only a query reads as a space, and it writes a literal {@code +} as {@code %2B}, so
     * every {@code +} left is a space.
     */
    static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** the inside of a JSON string: the template supplies the quotes */
    static String jsonEscaped(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        JsonStringEncoder.getInstance().quoteAsString(value, escaped);
        return escaped.toString();
    }
}
