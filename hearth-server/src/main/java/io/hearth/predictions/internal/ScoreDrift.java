package io.hearth.predictions.internal;

import io.hearth.ml.churn.BehaviourFeatures;
import io.hearth.ml.churn.ChurnFeature;
import io.hearth.ml.churn.FeatureVector;
import io.hearth.predictions.Prediction;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The churn and health scores (and health's spend input) whose distributions drift is measured on.
 * Their artefacts keep no training sample, so the training distribution is rebuilt at measuring time:
 * the same customers' orders up to the version's window end, scored by the same serving version. Only
 * the customers then differ from the live ones now, which is what drift is meant to show.
 */
final class ScoreDrift {

    static final String CHURN_RISK = "churn_risk";
    static final String HEALTH = "health";
    static final String SPEND_90_DAYS = "spend_last_90_days";

    private ScoreDrift() {}

    /** Churn risk per customer who had bought by {@code asOf}, from orders alone (as training reads them). */
    static Map<String, double[]> churn(
            ChurnPort port, Serving<ChurnArtefact> model, List<PurchaseHistory> histories, Instant asOf) {
        List<CustomerFeatures> customers = customers(histories, asOf);
        Map<String, double[]> samples = new LinkedHashMap<>();
        samples.put(CHURN_RISK, scores(customers, c -> port.score(Optional.of(model), c), Output.CHURN_RISK));
        return samples;
    }

    /** Health per customer who had bought by {@code asOf}, and the 90-day spend its spend points come from. */
    static Map<String, double[]> health(
            HealthPort port, Serving<HealthArtefact> model, List<PurchaseHistory> histories, Instant asOf) {
        List<CustomerFeatures> customers = customers(histories, asOf);
        Map<String, double[]> samples = new LinkedHashMap<>();
        samples.put(HEALTH, scores(customers, c -> port.score(Optional.of(model), c), Output.HEALTH));
        samples.put(
                SPEND_90_DAYS,
                customers.stream()
                        .mapToDouble(c ->
                                BehaviourFeatures.compute(ChurnBoosting.orders(c.history()), List.of(), asOf).stream()
                                        .findFirst()
                                        .map(vector -> spend(vector))
                                        .orElse(0.0))
                        .toArray());
        return samples;
    }

    private static double spend(FeatureVector vector) {
        double spend = vector.value(ChurnFeature.SPEND_LAST_90_DAYS);
        return Double.isNaN(spend) ? 0 : spend;
    }

    private static List<CustomerFeatures> customers(List<PurchaseHistory> histories, Instant asOf) {
        return histories.stream()
                .map(history -> CustomerFeatures.ofHistory(history, asOf))
                .filter(CustomerFeatures::hasOrders)
                .toList();
    }

    private static double[] scores(
            List<CustomerFeatures> customers,
            java.util.function.Function<CustomerFeatures, Map<Output, Prediction>> score,
            Output output) {
        return customers.stream()
                .map(customer -> score.apply(customer).get(output))
                .filter(java.util.Objects::nonNull)
                .mapToDouble(Prediction::value)
                .toArray();
    }
}
