package io.hearth.recommendations;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/**
 * What a trained model version learned from and how it did.
 *
 * @param version increasing per tenant; 0 is the popularity stand-in served before the first training
 * @param identities distinct shoppers (user ids and anonymous ids) in the training events
 * @param interactions distinct (shopper, product) pairs
 * @param purchases purchase lines read
 * @param factorized whether an ALS model was learned (it needs at least two shoppers and two products)
 * @param coverage share of the trained products that appear in the ALS top 10 of a sample of up to
 *     1,000 shoppers (0 without an ALS model)
 * @param describedItems products with a text embedding (name, brand, category, attributes) for
 *     "more like this"; cold ones among them, which nobody interacted with yet, are in {@code items}
 * @param blendWeights the blend weights learned on a validation split, by strategy key (empty when
 *     the hand-set ones are used: too little recent data, or learning switched off)
 */
public record ModelSummary(
        long version,
        Instant trainedAt,
        int identities,
        int items,
        int interactions,
        int purchases,
        boolean factorized,
        long trainingMillis,
        double coverage,
        int describedItems,
        Map<String, Double> blendWeights) {

    public ModelSummary {
        requireNonNull(trainedAt, "trainedAt is null");
        blendWeights = blendWeights == null ? Map.of() : Map.copyOf(blendWeights);
    }
}
