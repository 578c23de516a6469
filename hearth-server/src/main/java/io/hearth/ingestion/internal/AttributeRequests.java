package io.hearth.ingestion.internal;

import io.hearth.ingestion.AttributeDefinition;
import io.hearth.ingestion.AttributeType;
import io.hearth.ingestion.IngestionProblem;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads an attribute definition from its API body, naming every field at fault. */
final class AttributeRequests {

    static final int MAX_VALUES = 200;
    static final int MAX_DESCRIPTION = 500;
    private static final Set<String> FIELDS =
            Set.of("type", "required", "values", "minimum", "maximum", "maxLength", "description");

    private final List<FieldError> errors = new ArrayList<>();

    private AttributeRequests() {}

    static AttributeDefinition definition(String name, JsonNode body) {
        AttributeRequests request = new AttributeRequests();
        AttributeDefinition definition = request.read(name, body);
        if (!request.errors.isEmpty() || definition == null) {
            throw new HearthProblem(IngestionProblem.INVALID_ATTRIBUTE, describe(request.errors), request.errors);
        }
        return definition;
    }

    static void checkName(String name) {
        if (!AttributeDefinition.NAME.matcher(name).matches()) {
            List<FieldError> errors = List.of(new FieldError("/name", nameRule()));
            throw new HearthProblem(IngestionProblem.INVALID_ATTRIBUTE, describe(errors), errors);
        }
    }

    private @Nullable AttributeDefinition read(String name, JsonNode body) {
        if (!body.isObject()) {
            errors.add(new FieldError("", "must be a JSON object"));
            return null;
        }
        if (!AttributeDefinition.NAME.matcher(name).matches()) {
            errors.add(new FieldError("/name", nameRule()));
        }
        for (String field : body.propertyNames()) {
            if (!FIELDS.contains(field)) {
                errors.add(new FieldError("/" + field, "is not a field of an attribute definition"));
            }
        }
        AttributeType type = type(body.get("type"));
        boolean required = flag(body.get("required"));
        List<String> values = values(type, body.get("values"));
        BigDecimal minimum = bound(type, body, "minimum");
        BigDecimal maximum = bound(type, body, "maximum");
        if (minimum != null && maximum != null && minimum.compareTo(maximum) > 0) {
            errors.add(new FieldError("/maximum", "must not be less than minimum"));
        }
        Integer maxLength = maxLength(type, body.get("maxLength"));
        String description = description(body.get("description"));
        return type == null
                ? null
                : new AttributeDefinition(name, type, required, values, minimum, maximum, maxLength, description);
    }

    private @Nullable AttributeType type(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError("/type", "is required"));
            return null;
        }
        AttributeType type =
                node.isString() ? AttributeType.parse(node.stringValue()).orElse(null) : null;
        if (type == null) {
            errors.add(new FieldError("/type", "must be one of " + keys()));
        }
        return type;
    }

    private boolean flag(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            errors.add(new FieldError("/required", "must be true or false"));
            return false;
        }
        return node.booleanValue();
    }

    private List<String> values(@Nullable AttributeType type, @Nullable JsonNode node) {
        boolean given = node != null && !node.isNull();
        if (type != AttributeType.ENUM) {
            if (given) {
                errors.add(new FieldError("/values", "only an enum has values"));
            }
            return List.of();
        }
        if (!given || !node.isArray() || node.isEmpty() || node.size() > MAX_VALUES) {
            errors.add(new FieldError("/values", "must be an array of 1 to " + MAX_VALUES + " strings"));
            return List.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode value = node.get(i);
            if (!value.isString() || value.stringValue().isBlank() || !values.add(value.stringValue())) {
                errors.add(new FieldError("/values/" + i, "must be a non-empty string not listed before"));
            }
        }
        return List.copyOf(values);
    }

    private @Nullable BigDecimal bound(@Nullable AttributeType type, JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (type != AttributeType.NUMBER) {
            errors.add(new FieldError("/" + field, "only a number has a " + field));
            return null;
        }
        if (!node.isNumber()) {
            errors.add(new FieldError("/" + field, "must be a number"));
            return null;
        }
        return node.decimalValue();
    }

    private @Nullable Integer maxLength(@Nullable AttributeType type, @Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (type != AttributeType.STRING) {
            errors.add(new FieldError("/maxLength", "only a string has a maxLength"));
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1) {
            errors.add(new FieldError("/maxLength", "must be a positive whole number"));
            return null;
        }
        return node.intValue();
    }

    private @Nullable String description(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString() || node.stringValue().length() > MAX_DESCRIPTION) {
            errors.add(
                    new FieldError("/description", "must be a string of at most " + MAX_DESCRIPTION + " characters"));
            return null;
        }
        return node.stringValue();
    }

    private static String nameRule() {
        return "must be a letter or underscore followed by letters, digits or underscores, at most 64 in all";
    }

    private static String keys() {
        return String.join(
                ", ",
                Arrays.stream(AttributeType.values()).map(AttributeType::key).toList());
    }

    private static String describe(List<FieldError> errors) {
        if (errors.isEmpty()) {
            return "The definition is not valid";
        }
        FieldError first = errors.getFirst();
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
        return first.pointer() + " " + first.detail() + more;
    }
}
