package io.hearth.recommendations.internal;

import io.hearth.recommendations.RecommendationContext;
import io.hearth.recommendations.RecommendationsProblem;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code context} query parameter: comma-separated {@code key:value} pairs, e.g. {@code
 * device:mobile,hour:21,session:anon-7,product:mug,product:kettle} ({@code product} may repeat).
 */
final class ContextParameter {

    private ContextParameter() {}

    static RecommendationContext parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return RecommendationContext.NONE;
        }
        String device = null;
        Integer hour = null;
        String session = null;
        List<String> products = new ArrayList<>();
        for (String pair : value.split(",")) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw invalid("each entry is key:value");
            }
            String key = pair.substring(0, colon).strip();
            String entry = pair.substring(colon + 1).strip();
            switch (key) {
                case "device" -> device = entry;
                case "hour" -> hour = hour(entry);
                case "session" -> session = entry;
                case "product" -> products.add(entry);
                default -> throw invalid("unknown key " + key + "; use device, hour, session or product");
            }
        }
        return new RecommendationContext(device, hour, session, products);
    }

    private static int hour(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid("hour must be a whole number 0 to 23");
        }
    }

    private static HearthProblem invalid(String detail) {
        return new HearthProblem(
                RecommendationsProblem.INVALID_REQUEST,
                "The context parameter is not valid",
                List.of(new FieldError("context", detail)));
    }
}
