package org.risala.pull;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A reply text with placeholders, in a small subset of Mustache that configuration authors can read:
 * <ul>
 * <li>{@code {{name}}}: the value, or nothing when it is missing or null;</li>
 * <li>{@code {{#name}}…{{/name}}}: once per item when the value is a list (each item, a map, adds its entries to
 * the names in scope), once with its entries when it is a map, once when it is any other non-empty value, never
 * when it is missing, null, false, empty or an empty list;</li>
 * <li>{@code {{^name}}…{{/name}}}: once exactly when the section above would render nothing.</li>
 * </ul>
 * Values are inserted as text, never read as template or code, and nothing is escaped: it is an SMS, not HTML.
 * A malformed template is refused when it is built, so a configuration error shows at start-up.
 */
public final class ReplyTemplate {

    private static final String OPEN = "{{";
    private static final String CLOSE = "}}";
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.-]+");

    private final List<Node> nodes;

    public ReplyTemplate(String template) {
        Objects.requireNonNull(template, "template");
        this.nodes = parse(template);
    }

    public String render(Map<String, ?> values) {
        Deque<Map<?, ?>> scopes = new ArrayDeque<>();
        scopes.push(values == null ? Map.of() : values);
        StringBuilder reply = new StringBuilder();
        renderAll(nodes, scopes, reply);
        return reply.toString();
    }

    private static List<Node> parse(String template) {
        Deque<OpenSection> open = new ArrayDeque<>();
        List<Node> root = new ArrayList<>();
        List<Node> current = root;
        int position = 0;
        while (position < template.length()) {
            int start = template.indexOf(OPEN, position);
            if (start < 0) {
                current.add(new Text(template.substring(position)));
                break;
            }
            if (start > position) {
                current.add(new Text(template.substring(position, start)));
            }
            int end = template.indexOf(CLOSE, start + OPEN.length());
            if (end < 0) {
                throw new IllegalArgumentException("tag at position " + start + " has no closing }}");
            }
            String tag = template.substring(start + OPEN.length(), end).strip();
            position = end + CLOSE.length();
            char sigil = tag.isEmpty() ? ' ' : tag.charAt(0);
            if (sigil == '#' || sigil == '^') {
                OpenSection section = new OpenSection(name(tag.substring(1), start), sigil == '^', start, current);
                open.push(section);
                current = section.children;
            } else if (sigil == '/') {
                String name = name(tag.substring(1), start);
                if (open.isEmpty()) {
                    throw new IllegalArgumentException("{{/" + name + "}} at position " + start + " closes no section");
                }
                OpenSection section = open.pop();
                if (!section.name.equals(name)) {
                    throw new IllegalArgumentException("{{/" + name + "}} at position " + start + " closes the section "
                            + section.name + " opened at position " + section.position);
                }
                current = section.parent;
                current.add(new Section(section.name, section.inverted, List.copyOf(section.children)));
            } else {
                current.add(new Variable(name(tag, start)));
            }
        }
        if (!open.isEmpty()) {
            OpenSection section = open.pop();
            throw new IllegalArgumentException("section " + section.name + " opened at position " + section.position
                    + " is not closed with {{/" + section.name + "}}");
        }
        return List.copyOf(root);
    }

    private static String name(String written, int position) {
        String name = written.strip();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tag at position " + position + " has no valid name: '" + written
                    + "' (letters, digits, '_', '.' and '-')");
        }
        return name;
    }

    private static void renderAll(List<Node> nodes, Deque<Map<?, ?>> scopes, StringBuilder reply) {
        for (Node node : nodes) {
            node.render(scopes, reply);
        }
    }

    /** the innermost scope that has the name wins, so a list item can still use the names around it */
    private static Object lookup(Deque<Map<?, ?>> scopes, String name) {
        for (Map<?, ?> scope : scopes) {
            if (scope.containsKey(name)) {
                return scope.get(name);
            }
        }
        return null;
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || Boolean.FALSE.equals(value)
                || (value instanceof CharSequence text && text.isEmpty())
                || (value instanceof Collection<?> items && items.isEmpty())
                || (value instanceof Map<?, ?> map && map.isEmpty());
    }

    private interface Node {
        void render(Deque<Map<?, ?>> scopes, StringBuilder reply);
    }

    private record Text(String text) implements Node {
        @Override
        public void render(Deque<Map<?, ?>> scopes, StringBuilder reply) {
            reply.append(text);
        }
    }

    private record Variable(String name) implements Node {
        @Override
        public void render(Deque<Map<?, ?>> scopes, StringBuilder reply) {
            Object value = lookup(scopes, name);
            if (value instanceof BigDecimal amount) {
                // 1E+1 is no way to write an amount in a reply
                reply.append(amount.toPlainString());
            } else if (value != null) {
                reply.append(value);
            }
        }
    }

    private record Section(String name, boolean inverted, List<Node> children) implements Node {
        @Override
        public void render(Deque<Map<?, ?>> scopes, StringBuilder reply) {
            Object value = lookup(scopes, name);
            if (inverted) {
                if (isEmpty(value)) {
                    renderAll(children, scopes, reply);
                }
                return;
            }
            if (isEmpty(value)) {
                return;
            }
            if (value instanceof Collection<?> items) {
                for (Object item : items) {
                    renderWith(item instanceof Map<?, ?> map ? map : Map.of(), scopes, reply);
                }
            } else if (value instanceof Map<?, ?> map) {
                renderWith(map, scopes, reply);
            } else {
                renderAll(children, scopes, reply);
            }
        }

        private void renderWith(Map<?, ?> scope, Deque<Map<?, ?>> scopes, StringBuilder reply) {
            scopes.push(scope);
            renderAll(children, scopes, reply);
            scopes.pop();
        }
    }

    private static final class OpenSection {
        private final String name;
        private final boolean inverted;
        private final int position;
        private final List<Node> parent;
        private final List<Node> children = new ArrayList<>();

        private OpenSection(String name, boolean inverted, int position, List<Node> parent) {
            this.name = name;
            this.inverted = inverted;
            this.position = position;
            this.parent = parent;
        }
    }
}
