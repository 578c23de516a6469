package io.hearth.predictions;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One served score.
 *
 * @param value the number (a probability, a count, money in the tenant's currency, days, points)
 * @param label the value as text when a number alone reads badly (a date, an hour of the week)
 * @param unit what {@code value} measures, e.g. {@code probability}, {@code EUR}, {@code points}
 * @param explanation the top contributing inputs, largest effect first
 * @param modelVersion the version that produced it, e.g. {@code clv@3}, or {@code churn-rules@1} for
 *     the rule-based fallback
 * @param fallback whether the rule-based fallback produced it (no trained version was available)
 */
public record Prediction(
        double value,
        @Nullable String label,
        String unit,
        List<Factor> explanation,
        String modelVersion,
        boolean fallback) {

    public Prediction {
        requireNonNull(unit, "unit is null");
        explanation = List.copyOf(explanation);
        requireNonNull(modelVersion, "modelVersion is null");
    }
}
