package io.hearth.predictions.internal;

import io.hearth.predictions.CustomerPredictions;
import io.hearth.predictions.Factor;
import io.hearth.predictions.PredictionChanged;
import io.hearth.privacy.Decision;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.shared.TenantId;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes the predictions that trigger actions to the hash-chained decision log, one record each. */
@Component
class DecisionRecorder {

    private final PrivacyManagement privacy;
    private final JsonMapper json;

    DecisionRecorder(PrivacyManagement privacy, JsonMapper json) {
        this.privacy = privacy;
        this.json = json;
    }

    void served(TenantId tenant, CustomerPredictions predictions, String action) {
        privacy.recordDecision(tenant, decision(predictions, action));
    }

    /**
     * The {@code prediction.served} record of scores used for an action, for a caller that appends it
     * with its own decisions at the end of its transaction (the journeys engine does, to hold the log's
     * hash-chain lock for as short a time as possible).
     */
    Decision decision(CustomerPredictions predictions, String action) {
        ObjectNode inputs = json.createObjectNode().put("action", action);
        inputs.put("churn_risk", predictions.churnRisk().value());
        inputs.put("health", predictions.health().value());
        predictions.lifetimeValue().ifPresent(p -> inputs.put("lifetime_value", p.value()));
        predictions.probabilityAlive().ifPresent(p -> inputs.put("probability_alive", p.value()));
        inputs.put("best_send_time", predictions.bestSendTime().value());
        var factors = inputs.putArray("churn_factors");
        predictions.churnRisk().explanation().stream()
                .limit(3)
                .map(Factor::name)
                .forEach(factors::add);
        String versions = Stream.of(
                        predictions.lifetimeValue().map(p -> p.modelVersion()).orElse(null),
                        predictions.churnRisk().modelVersion(),
                        predictions.health().modelVersion(),
                        predictions.bestSendTime().modelVersion())
                .filter(java.util.Objects::nonNull)
                .distinct()
                .collect(Collectors.joining(","));
        String outcome = String.format(
                Locale.ROOT,
                "churn_risk=%.3f health=%.1f best_send_time=%.0f",
                predictions.churnRisk().value(),
                predictions.health().value(),
                predictions.bestSendTime().value());
        return new Decision(
                predictions.customerId(),
                "prediction.served",
                inputs,
                versions,
                outcome,
                "scores served to " + action,
                predictions.asOf());
    }

    void crossed(PredictionChanged change) {
        ObjectNode inputs = json.createObjectNode()
                .put("signal", change.signal().name().toLowerCase(Locale.ROOT))
                .put("previous", change.previous())
                .put("current", change.current())
                .put("threshold", change.threshold());
        String outcome =
                change.signal().name().toLowerCase(Locale.ROOT) + (change.crossedUp() ? " raised" : " cleared");
        privacy.recordDecision(
                change.tenantId(),
                new Decision(
                        change.customerId(),
                        "prediction.threshold-crossed",
                        inputs,
                        change.modelVersion(),
                        outcome,
                        "the score crossed the configured threshold",
                        change.at()));
    }
}
