package io.hearth.predictions.internal;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a port's training produced: the model, its figures, and whether it may serve.
 *
 * @param reason why it may not serve; null when it may
 */
record Trained<M>(
        M model,
        Map<String, Double> metrics,
        Map<String, Double> parameters,
        @Nullable String reason) {

    Trained {
        requireNonNull(model, "model is null");
        metrics = Map.copyOf(metrics);
        parameters = Map.copyOf(parameters);
    }

    boolean good() {
        return reason == null;
    }
}
