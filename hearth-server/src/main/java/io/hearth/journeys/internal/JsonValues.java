package io.hearth.journeys.internal;

import io.hearth.shared.PlainJson;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** JSON values as plain Java (maps, lists, text, Long/Double), the shape CEL and Liquid take. */
final class JsonValues {

    private JsonValues() {}

    static @Nullable Object plain(JsonNode node) {
        return PlainJson.of(node);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(@Nullable JsonNode node) {
        if (node == null || !node.isObject()) {
            return new LinkedHashMap<>();
        }
        return (Map<String, Object>) plain(node);
    }
}
