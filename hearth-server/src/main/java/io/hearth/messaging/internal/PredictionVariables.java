package io.hearth.messaging.internal;

import io.hearth.messaging.VariableSource;
import io.hearth.predictions.CustomerPredictions;
import io.hearth.predictions.Prediction;
import io.hearth.predictions.PredictionManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code predictions}: {@code churn_risk} (0–1), {@code health} (0–100), {@code clv} (expected
 * revenue over the horizon) and {@code next_purchase} (ISO date). Read with {@code forCustomer}, which
 * writes no decision record: rendering a message is not a decision about the customer. CLV and next
 * purchase need orders; without them they are empty text so {@code | default:} works.
 */
@Component
class PredictionVariables implements VariableSource {

    private final PredictionManagement predictions;

    PredictionVariables(PredictionManagement predictions) {
        this.predictions = predictions;
    }

    @Override
    public String namespace() {
        return "predictions";
    }

    @Override
    public Object sample() {
        return Map.of("churn_risk", 0.42, "health", 63.0, "clv", 84.5, "next_purchase", "2026-03-14");
    }

    @Override
    public Optional<Object> resolve(TenantId tenant, CustomerId customer) {
        CustomerPredictions scores;
        try {
            scores = predictions.forCustomer(tenant, customer);
        } catch (HearthProblem unknownCustomer) {
            return Optional.empty();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("churn_risk", scores.churnRisk().value());
        values.put("health", scores.health().value());
        values.put(
                "clv",
                scores.lifetimeValue()
                        .map(Prediction::value)
                        .map(Object.class::cast)
                        .orElse(""));
        values.put(
                "next_purchase",
                scores.nextPurchase().map(PredictionVariables::date).orElse(""));
        return Optional.of(values);
    }

    private static String date(Prediction next) {
        return next.label() == null ? "" : next.label();
    }
}
