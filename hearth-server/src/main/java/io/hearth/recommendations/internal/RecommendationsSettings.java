package io.hearth.recommendations.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the recommendations module.
 *
 * @param retrainDelay how long after new events a tenant's models retrain (at most once per delay)
 * @param trainingWindow how far back training reads events
 * @param factors latent factors of the ALS model
 * @param iterations ALS sweeps
 * @param halfLife popularity half-life
 * @param sessionWindow how far back "the current session" reaches for re-ranking
 * @param categoryCap most items of one category in a slate
 * @param diversity MMR trade-off: 1 is relevance only, 0 diversity only
 * @param fatigueLimit times an item is shown to a customer without engagement before it is dropped
 * @param maxItems largest slate a caller may ask for
 * @param refreshInterval how often a node looks for a model version trained on another node, and how
 *     long serving trusts what it remembers of a customer without an event saying it changed
 * @param learnBlend whether training learns the blend weights on a validation split (fits ALS, bought
 *     together and popularity a second time, on all but the newest tenth of the interactions)
 * @param describeProducts whether training embeds the products' text (name, brand, category,
 *     attributes) for "more like this" and to place products nobody has bought yet
 * @param rememberedShoppers how many shoppers a node serves from memory: each served model version
 *     computes the "for you" candidates of this many of its shoppers in the background, and this many
 *     customers' identities, consents and showing counts are kept (about 500 bytes each)
 */
@ConfigurationProperties("hearth.recommendations")
public record RecommendationsSettings(
        @DefaultValue("PT1H") Duration retrainDelay,
        @DefaultValue("P365D") Duration trainingWindow,
        @DefaultValue("32") int factors,
        @DefaultValue("10") int iterations,
        @DefaultValue("P30D") Duration halfLife,
        @DefaultValue("PT30M") Duration sessionWindow,
        @DefaultValue("3") int categoryCap,
        @DefaultValue("0.7") double diversity,
        @DefaultValue("5") int fatigueLimit,
        @DefaultValue("50") int maxItems,
        @DefaultValue("PT30S") Duration refreshInterval,
        @DefaultValue("true") boolean learnBlend,
        @DefaultValue("true") boolean describeProducts,
        @DefaultValue("200000") int rememberedShoppers) {

    public RecommendationsSettings {
        if (factors < 1
                || iterations < 1
                || categoryCap < 1
                || fatigueLimit < 1
                || maxItems < 1
                || rememberedShoppers < 1) {
            throw new IllegalArgumentException(
                    "hearth.recommendations: factors, iterations, category-cap, fatigue-limit, max-items and"
                            + " remembered-shoppers must be positive");
        }
        if (diversity < 0 || diversity > 1) {
            throw new IllegalArgumentException("hearth.recommendations.diversity must be between 0 and 1");
        }
    }
}
