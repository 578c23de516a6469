package io.hearth.support.internal;

import java.util.List;

/**
 * What the assistant read from one customer message.
 *
 * @param outOfScope the model's tuned threshold refused the best intent
 */
record Reading(
        String intent,
        double confidence,
        boolean outOfScope,
        double sentiment,
        List<String> orderNumbers,
        List<String> skus,
        float[] embedding) {}
