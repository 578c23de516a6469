package io.hearth.recommendations.internal;

import io.hearth.recommendations.RecommendationContext;
import io.hearth.recommendations.RecommendationsProblem;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What a recommendation request must look like; each problem names its query parameter. */
final class RequestRules {

    static final Pattern SURFACE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");
    static final int MAX_CONTEXT_PRODUCTS = 50;

    private RequestRules() {}

    static void check(String surface, int n, RecommendationContext context, int maxItems) {
        List<FieldError> errors = new ArrayList<>();
        if (!SURFACE.matcher(surface).matches()) {
            errors.add(new FieldError("surface", "must be 1 to 50 lower-case letters, digits, - or _"));
        }
        if (n < 1 || n > maxItems) {
            errors.add(new FieldError("n", "must be 1 to " + maxItems));
        }
        if (context.device() != null && Device.parse(context.device()).isEmpty()) {
            errors.add(new FieldError("context.device", "must be desktop, mobile or app"));
        }
        if (context.hour() != null && (context.hour() < 0 || context.hour() > 23)) {
            errors.add(new FieldError("context.hour", "must be 0 to 23"));
        }
        if (context.productIds().size() > MAX_CONTEXT_PRODUCTS) {
            errors.add(new FieldError("context.products", "at most " + MAX_CONTEXT_PRODUCTS + " products"));
        }
        if (!errors.isEmpty()) {
            throw new HearthProblem(RecommendationsProblem.INVALID_REQUEST, "The request is not valid", errors);
        }
    }
}
