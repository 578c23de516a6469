package io.hearth.predictions.internal;

import static java.util.Objects.requireNonNull;

import io.hearth.ml.replenish.IntervalPrior;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What replenishment training learns: hearth-ml's prior of log intervals between a customer's
 * shopping trips (population mean, between- and within-customer variance), the rules' rhythm, and the
 * priors per product ({@code product:ID}) and category ({@code category:NAME}) that someone bought again.
 *
 * @param items per-item priors; empty in versions trained before items were read
 * @param itemsGlobal the prior over all items' intervals; null when no item was bought twice
 */
record ReplenishmentArtefact(
        IntervalPrior prior,
        RhythmArtefact rules,
        @Nullable Map<String, IntervalPrior> items,
        @Nullable IntervalPrior itemsGlobal) {

    ReplenishmentArtefact {
        requireNonNull(prior, "prior is null");
        requireNonNull(rules, "rules is null");
        items = items == null ? Map.of() : Map.copyOf(items);
    }

    ReplenishmentArtefact(IntervalPrior prior, RhythmArtefact rules) {
        this(prior, rules, Map.of(), null);
    }
}
