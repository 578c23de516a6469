package io.hearth.predictions.internal;

import io.hearth.ml.rules.SequentialRule;
import java.util.List;

/**
 * The mined next-need rules of one version, by descending lift.
 *
 * @param windowDays how soon after the antecedent its consequent followed in training
 */
record NextNeedArtefact(long windowDays, List<SequentialRule> rules) {

    NextNeedArtefact {
        rules = List.copyOf(rules);
    }
}
