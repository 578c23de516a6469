package io.hearth.predictions.internal;

import static java.util.Objects.requireNonNull;

/**
 * What health training learns from a tenant: the 90-day spend that earns half of hearth-ml's spend
 * points (the shop's median customer), and the rules' rhythm for customers the score cannot assess.
 */
record HealthArtefact(double referenceSpend, RhythmArtefact rules) {

    HealthArtefact {
        requireNonNull(rules, "rules is null");
        if (!(referenceSpend > 0) || !Double.isFinite(referenceSpend)) {
            throw new IllegalArgumentException("referenceSpend must be positive, got " + referenceSpend);
        }
    }
}
