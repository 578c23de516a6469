package io.hearth.predictions;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything Hearth predicts about one customer, as of one instant.
 *
 * @param lifetimeValue expected discounted revenue over the configured horizon; empty without orders
 * @param probabilityAlive probability the customer has not churned; empty without orders
 * @param expectedPurchases expected purchases over the configured horizon; empty without orders
 * @param churnRisk probability of no purchase within the churn horizon
 * @param health 0–100; its explanation lists the factors that moved it since the previous score
 * @param nextPurchase expected next purchase; label is the ISO date; empty without orders
 * @param bestSendTime the hour of the week (0 = Monday 00:00 UTC) with the most expected engagement
 * @param replenishments when the customer will buy each product ({@code product:ID}) and category
 *     ({@code category:NAME}) again that they bought and the shop's customers rebuy, soonest first:
 *     value is days from now, label the item; empty without a trained replenishment version
 * @param nextNeeds products the customer is likely to buy for the first time soon, likeliest first:
 *     value is the rule's confidence, label the product id; empty without a trained next-need version
 * @param earlyWarning a silence or a burst of trouble events improbable for this customer; value is
 *     the probability of the strangest finding, label what it is ({@code rhythm-break} or the event
 *     name); empty when nothing is strange
 */
public record CustomerPredictions(
        CustomerId customerId,
        Instant asOf,
        Optional<Prediction> lifetimeValue,
        Optional<Prediction> probabilityAlive,
        Optional<Prediction> expectedPurchases,
        Prediction churnRisk,
        Prediction health,
        Optional<Prediction> nextPurchase,
        Prediction bestSendTime,
        List<Prediction> replenishments,
        List<Prediction> nextNeeds,
        Optional<Prediction> earlyWarning) {

    public CustomerPredictions {
        requireNonNull(customerId, "customerId is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(churnRisk, "churnRisk is null");
        requireNonNull(health, "health is null");
        requireNonNull(bestSendTime, "bestSendTime is null");
        replenishments = List.copyOf(replenishments);
        nextNeeds = List.copyOf(nextNeeds);
        requireNonNull(earlyWarning, "earlyWarning is null");
    }
}
