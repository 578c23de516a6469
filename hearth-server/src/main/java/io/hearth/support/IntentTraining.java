package io.hearth.support;

import java.time.Instant;
import java.util.List;

/**
 * The result of training a shop's intent model.
 *
 * @param heldOutAccuracy accuracy on the held-out part used for calibration
 * @param threshold the tuned out-of-scope confidence threshold
 */
public record IntentTraining(
        int examples,
        List<String> intents,
        double heldOutAccuracy,
        double threshold,
        long trainingMillis,
        Instant trainedAt) {}
