package io.hearth.predictions.internal;

import io.hearth.ml.clv.BgNbdModel;
import io.hearth.ml.clv.CustomerSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The features and score whose distributions drift is measured on, for training and live customers alike. */
final class ClvDrift {

    private ClvDrift() {}

    static List<DriftBaseline> baselines(BgNbdModel model, List<CustomerSummary> customers) {
        return samples(model, customers).entrySet().stream()
                .map(entry -> DriftBaseline.of(entry.getKey(), entry.getValue()))
                .toList();
    }

    /** Feature name → one value per customer. */
    static Map<String, double[]> samples(BgNbdModel model, List<CustomerSummary> customers) {
        Map<String, double[]> samples = new LinkedHashMap<>();
        samples.put(
                "weeks_since_last_purchase",
                values(customers, c -> c.statistics().age() - c.statistics().recency()));
        samples.put("repeat_purchases", values(customers, c -> c.statistics().frequency()));
        samples.put("mean_repeat_spend", values(customers, CustomerSummary::meanRepeatSpend));
        samples.put("probability_alive", values(customers, c -> model.probabilityAlive(c.statistics())));
        return samples;
    }

    private static double[] values(List<CustomerSummary> customers, ToDoubleFunction<CustomerSummary> feature) {
        return customers.stream().mapToDouble(feature).toArray();
    }
}
