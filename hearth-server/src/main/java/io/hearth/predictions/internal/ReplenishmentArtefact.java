package io.hearth.predictions.internal;

import static java.util.Objects.requireNonNull;

import io.hearth.ml.replenish.IntervalPrior;

/**
 * What replenishment training learns: hearth-ml's prior of log intervals between a customer's
 * shopping trips (population mean, between- and within-customer variance), and the rules' rhythm.
 */
record ReplenishmentArtefact(IntervalPrior prior, RhythmArtefact rules) {

    ReplenishmentArtefact {
        requireNonNull(prior, "prior is null");
        requireNonNull(rules, "rules is null");
    }
}
