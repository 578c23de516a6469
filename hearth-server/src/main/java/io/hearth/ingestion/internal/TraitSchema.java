package io.hearth.ingestion.internal;

import io.hearth.ingestion.AttributeDefinition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A shop's registered traits, checked against the {@code traits} of each {@code identify} call. Each
 * trait at fault is reported at {@code /traits/<name>}; traits without a definition pass as they are.
 */
record TraitSchema(Map<String, AttributeDefinition> definitions) {

    static final TraitSchema NONE = new TraitSchema(Map.of());

    TraitSchema {
        definitions = Map.copyOf(definitions);
    }

    static TraitSchema of(List<AttributeDefinition> definitions) {
        return new TraitSchema(
                definitions.stream().collect(Collectors.toMap(AttributeDefinition::name, Function.identity())));
    }

    void check(@Nullable ObjectNode traits, Violations violations) {
        for (AttributeDefinition definition : definitions.values()) {
            JsonNode value = traits == null ? null : traits.get(definition.name());
            String at = "/traits/" + definition.name();
            if (value == null || value.isNull()) {
                if (definition.required()) {
                    violations.add("missing-trait", at, "is required");
                }
                continue;
            }
            String problem = problem(definition, value, traits);
            if (problem != null) {
                violations.add("invalid-trait", at, problem);
            }
        }
    }

    /**
     * Whether a value sent outside {@code identify} (an event's {@code context.traits}) fits the trait's
     * definition; traits without one always fit. Only asks: nothing is converted.
     */
    boolean fits(String name, JsonNode value) {
        AttributeDefinition definition = definitions.get(name);
        if (definition == null) {
            return true;
        }
        return !value.isNull() && problem(definition, value, JsonNodeFactory.instance.objectNode()) == null;
    }

    /** What is wrong with the value, or null when it fits (a number in a string is stored as a number). */
    private static @Nullable String problem(AttributeDefinition definition, JsonNode value, ObjectNode traits) {
        return switch (definition.type()) {
            case STRING -> string(definition, value);
            case NUMBER -> number(definition, value, traits);
            case BOOLEAN -> value.isBoolean() ? null : "must be true or false";
            case DATE ->
                value.isString() && isDate(value.stringValue()) ? null : "must be an ISO-8601 date or date-time";
            case ENUM ->
                value.isString() && definition.values().contains(value.stringValue())
                        ? null
                        : "must be one of " + String.join(", ", definition.values());
        };
    }

    private static @Nullable String string(AttributeDefinition definition, JsonNode value) {
        if (!value.isString()) {
            return "must be a string";
        }
        Integer maxLength = definition.maxLength();
        if (maxLength != null
                && value.stringValue().codePointCount(0, value.stringValue().length()) > maxLength) {
            return "must be at most " + maxLength + " characters";
        }
        return null;
    }

    private static @Nullable String number(AttributeDefinition definition, JsonNode value, ObjectNode traits) {
        BigDecimal number = decimal(value);
        if (number == null) {
            return "must be a number";
        }
        if (definition.minimum() != null && number.compareTo(definition.minimum()) < 0) {
            return "must be at least " + definition.minimum().toPlainString();
        }
        if (definition.maximum() != null && number.compareTo(definition.maximum()) > 0) {
            return "must be at most " + definition.maximum().toPlainString();
        }
        if (value.isString()) {
            traits.put(definition.name(), number);
        }
        return null;
    }

    private static @Nullable BigDecimal decimal(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (!value.isString()) {
            return null;
        }
        try {
            return new BigDecimal(value.stringValue().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException notADate) {
            try {
                OffsetDateTime.parse(text);
                return true;
            } catch (DateTimeParseException notADateTime) {
                return false;
            }
        }
    }
}
