package org.risala.pull.connector;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A back office's JSON as template variables: a scalar is its text, an object a map, an array a list of maps (a
 * scalar item becomes {@code {value: …}}, since a template section reads names from each item).
 */
final class JsonValues {

    /** decimals as BigDecimal, so that an amount of 35.000 rials reads 35.000 and not 35.0 */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private JsonValues() {
    }

    /** @throws IllegalArgumentException when the text is not one JSON document, saying why */
    static JsonNode parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
        if (root.isMissingNode()) {
            throw new IllegalArgumentException("empty");
        }
        return root;
    }

    static JsonNode parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    static Object variable(JsonNode node) {
        if (node.isArray()) {
            List<Map<String, Object>> items = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                items.add(item.isObject() ? map(item) : Map.of("value", variable(item)));
            }
            return List.copyOf(items);
        }
        return node.isObject() ? map(node) : text(node);
    }

    /** what {@code foundWhen} accepts: anything but missing, null, false, "" and an empty array or object */
    static boolean isPresent(JsonNode node) {
        if (node.isMissingNode() || node.isNull() || node.isBoolean() && !node.booleanValue()) {
            return false;
        }
        return node.isContainer() ? !node.isEmpty() : !node.isString() || !node.stringValue().isEmpty();
    }

    /**
     * A null is an empty text rather than no entry: inside a list item a missing name would be looked up around
     * the section, and show another record's value.
     */
    private static Map<String, Object> map(JsonNode object) {
        Map<String, Object> fields = new HashMap<>();
        object.properties().forEach(field -> fields.put(field.getKey(), variable(field.getValue())));
        return Map.copyOf(fields);
    }

    /** numbers as written, except that an exponent (1E+3) is spelt out: it is read by people */
    private static String text(JsonNode scalar) {
        return scalar.isBigDecimal() ? scalar.decimalValue().toPlainString() : scalar.asString();
    }
}
