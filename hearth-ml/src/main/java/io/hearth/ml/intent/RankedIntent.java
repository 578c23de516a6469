package io.hearth.ml.intent;

import static java.util.Objects.requireNonNull;

/** An intent with its calibrated probability. */
public record RankedIntent(String intent, double probability) {

    public RankedIntent {
        requireNonNull(intent, "intent is null");
    }
}
