package org.risala.subscriptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An alert text with {@code {{name}}} placeholders, filled from an event's data. Deliberately tiny (no sections, no
 * escaping): alerts are one sentence, and a template that is not exactly this is refused at start-up.
 */
final class AlertTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9_]*)}}");

    /** literal text and placeholder names, alternating, starting with text */
    private final List<String> pieces;

    private AlertTemplate(List<String> pieces) {
        this.pieces = pieces;
    }

    /** @throws IllegalArgumentException when braces are left that are not a {@code {{name}}} placeholder */
    static AlertTemplate parse(String template) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("is empty");
        }
        List<String> pieces = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int end = 0;
        while (m.find()) {
            pieces.add(literal(template.substring(end, m.start())));
            pieces.add(m.group(1));
            end = m.end();
        }
        pieces.add(literal(template.substring(end)));
        return new AlertTemplate(List.copyOf(pieces));
    }

    private static String literal(String text) {
        if (text.contains("{{") || text.contains("}}")) {
            throw new IllegalArgumentException("has a placeholder that is not {{name}} (letters, digits, _)");
        }
        return text;
    }

    /** a placeholder without a value becomes empty: a back office that leaves a field out still gets its alert sent */
    String fill(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            text.append(i % 2 == 0 ? pieces.get(i) : values.getOrDefault(pieces.get(i), ""));
        }
        return text.toString();
    }
}
