package org.risala.pull;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.boot.convert.DurationStyle;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The JSON form of a {@link ServiceDefinition}, as stored and as the admin API reads and writes it: the record
 * components by name, empty and null ones left out, map entries sorted; durations written ISO-8601 ({@code "PT3S"})
 * and read ISO-8601 or as in the configuration ({@code "3s"}, {@code "500ms"}); enum names in any case. A mapper of
 * its own, so that the stored form does not change with the settings of the application's mapper.
 */
public final class ServiceJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new SimpleModule("durations")
                    .addSerializer(Duration.class, new DurationWriter())
                    .addDeserializer(Duration.class, new DurationReader())
                    .addDeserializer(Bilingual.class, new BilingualReader()))
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_EMPTY))
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    /** what an ADMIN sends: a misspelt field is an error, not silently nothing */
    private static final ObjectReader STRICT = JSON.readerFor(ServiceDefinition.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** what is stored: written by this or an older version of Risala, so a field dropped since is ignored */
    private static final ObjectReader STORED = JSON.readerFor(ServiceDefinition.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ServiceJson() {
    }

    public static String write(ServiceDefinition definition) {
        return JSON.writeValueAsString(definition);
    }

    /** indented, for people */
    public static String pretty(ServiceDefinition definition) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(definition);
    }

    public static JsonNode tree(ServiceDefinition definition) {
        return JSON.valueToTree(definition);
    }

    /** @throws ServiceRejected naming the field that is not what a definition holds */
    public static ServiceDefinition read(String json) {
        try {
            return STRICT.readValue(json);
        } catch (JacksonException e) {
            throw new ServiceRejected(List.of(problem(e)));
        }
    }

    static ServiceDefinition readStored(String json) {
        return STORED.readValue(json);
    }

    private static String problem(JacksonException e) {
        if (e instanceof StreamReadException && !(e instanceof MismatchedInputException)) {
            return "definition: is not valid JSON" + (e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        String field = field(e.getPath());
        if (e instanceof UnrecognizedPropertyException) {
            return field + ": is not a field here";
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof NullPointerException npe
                && npe.getMessage() != null) {
            // a record that refuses null names the component in its requireNonNull
            return (field.isEmpty() ? "" : field + ".") + npe.getMessage() + ": is required";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return (field.isEmpty() ? "definition" : field) + ": " + expected(mismatch.getTargetType());
        }
        return (field.isEmpty() ? "definition" : field) + ": is not valid";
    }

    private static String field(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == Duration.class) {
            return "must be a duration such as 3s, 500ms or PT3S";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be text";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be an object";
        }
        return "is not valid";
    }

    /**
     * A text missing in one language, or a whole one of the replies, reads as empty rather than failing the whole
     * definition, so that validation names every missing text at once.
     */
    private static final class BilingualReader extends ValueDeserializer<Bilingual> {
        @Override
        public Bilingual deserialize(JsonParser parser, DeserializationContext context) {
            JsonNode node = context.readTree(parser);
            if (!node.isObject()) {
                return (Bilingual) context.handleUnexpectedToken(Bilingual.class, parser);
            }
            for (String name : node.propertyNames()) {
                if (!name.equals("en") && !name.equals("ar")
                        && context.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)) {
                    throw UnrecognizedPropertyException.from(parser, Bilingual.class, name, List.of("en", "ar"));
                }
            }
            return new Bilingual(text(node, "en", context, parser), text(node, "ar", context, parser));
        }

        private static String text(JsonNode node, String name, DeserializationContext context, JsonParser parser) {
            JsonNode text = node.get(name);
            if (text == null || text.isNull()) {
                return "";
            }
            if (!text.isString()) {
                MismatchedInputException e = MismatchedInputException.from(parser, String.class, name + " is no text");
                e.prependPath(node, name);
                throw e;
            }
            return text.asString();
        }

        @Override
        public Bilingual getNullValue(DeserializationContext context) {
            return new Bilingual("", "");
        }
    }

    private static final class DurationWriter extends ValueSerializer<Duration> {
        @Override
        public void serialize(Duration value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(value.toString());
        }
    }

    private static final class DurationReader extends ValueDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (Duration) context.handleUnexpectedToken(Duration.class, parser);
            }
            String text = parser.getString().strip();
            try {
                return DurationStyle.detectAndParse(text);
            } catch (IllegalArgumentException e) {
                return (Duration) context.handleWeirdStringValue(Duration.class, text, "not a duration");
            }
        }
    }
}
