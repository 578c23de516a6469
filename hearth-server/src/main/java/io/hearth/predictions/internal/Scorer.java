package io.hearth.predictions.internal;

import io.hearth.predictions.CustomerPredictions;
import io.hearth.predictions.ModelKind;
import io.hearth.predictions.Prediction;
import io.hearth.profiles.CustomerProfile;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Scores one customer with every kind's serving version (or its rules) and assembles the answer. */
@Component
class Scorer {

    // Per-item forecasts served per customer: the soonest due are the ones worth acting on.
    private static final int REPLENISHMENTS_SERVED = 5;

    private final HistoryReader histories;
    private final ModelRegistry registry;
    private final Map<ModelKind, ModelPort<?>> ports;
    private final ScoreStore scores;
    private final NextNeedPort nextNeeds;
    private final ReplenishmentPort replenishment;
    private final EarlyWarnings warnings;

    Scorer(
            HistoryReader histories,
            ModelRegistry registry,
            List<ModelPort<?>> ports,
            ScoreStore scores,
            NextNeedPort nextNeeds,
            ReplenishmentPort replenishment,
            EarlyWarnings warnings) {
        this.histories = histories;
        this.registry = registry;
        this.ports = ports.stream().collect(Collectors.toMap(ModelPort::kind, Function.identity()));
        this.scores = scores;
        this.nextNeeds = nextNeeds;
        this.replenishment = replenishment;
        this.warnings = warnings;
        for (ModelKind kind : ModelKind.values()) {
            if (!this.ports.containsKey(kind)) {
                throw new IllegalStateException("no model port for " + kind);
            }
        }
    }

    /** The predictions, with the health parts and the previous stored score they were compared with. */
    record Scored(
            CustomerPredictions predictions, Map<String, Double> healthParts, Optional<ScoreStore.Stored> previous) {}

    /** Every score, the lists (next needs, per-item replenishment) included. */
    Scored score(TenantId tenant, CustomerProfile profile, Instant asOf) {
        return score(tenant, profile, asOf, true);
    }

    /**
     * The scores thresholds are judged on: without the lists, which need every order's lines from the
     * event log, so that rescoring on each profile change stays cheap.
     */
    Scored scoreForThresholds(TenantId tenant, CustomerProfile profile, Instant asOf) {
        return score(tenant, profile, asOf, false);
    }

    /** The threshold scores from features and a previous score read in bulk by the caller. */
    Scored scoreForThresholds(
            TenantId tenant, CustomerProfile profile, CustomerFeatures features, Optional<ScoreStore.Stored> previous) {
        return score(tenant, profile, features, previous, false);
    }

    private Scored score(TenantId tenant, CustomerProfile profile, Instant asOf, boolean lists) {
        CustomerFeatures features = histories.features(tenant, profile, asOf, lists);
        return score(tenant, profile, features, scores.previous(tenant, profile.customerId()), lists);
    }

    private Scored score(
            TenantId tenant,
            CustomerProfile profile,
            CustomerFeatures features,
            Optional<ScoreStore.Stored> previous,
            boolean lists) {
        Instant asOf = features.asOf();
        Map<Output, Prediction> outputs = new EnumMap<>(Output.class);
        for (ModelPort<?> port : ports.values()) {
            outputs.putAll(scoreWith(tenant, port, features));
        }
        String currency = Optional.ofNullable(profile.computed().currency()).orElse("money");
        outputs.replaceAll((output, prediction) ->
                prediction.unit().equals("money") ? inCurrency(prediction, currency) : prediction);
        Map<String, Double> parts = HealthMovers.parts(outputs.get(Output.HEALTH));
        outputs.put(Output.HEALTH, HealthMovers.since(outputs.get(Output.HEALTH), previous));
        List<Prediction> needs = lists ? nextNeeds.needs(registry.serving(tenant, nextNeeds), features) : List.of();
        List<Prediction> items = lists
                ? replenishment.items(registry.serving(tenant, replenishment), features, REPLENISHMENTS_SERVED)
                : List.of();
        boolean warnedBefore = previous.map(ScoreStore.Stored::earlyWarning).orElse(false);
        CustomerPredictions predictions =
                assemble(profile, asOf, outputs, items, needs, warnings.warn(features, warnedBefore));
        return new Scored(predictions, parts, previous);
    }

    private static CustomerPredictions assemble(
            CustomerProfile profile,
            Instant asOf,
            Map<Output, Prediction> outputs,
            List<Prediction> items,
            List<Prediction> needs,
            Optional<Prediction> warning) {
        return new CustomerPredictions(
                profile.customerId(),
                asOf,
                Optional.ofNullable(outputs.get(Output.LIFETIME_VALUE)),
                Optional.ofNullable(outputs.get(Output.PROBABILITY_ALIVE)),
                Optional.ofNullable(outputs.get(Output.EXPECTED_PURCHASES)),
                outputs.get(Output.CHURN_RISK),
                outputs.get(Output.HEALTH),
                Optional.ofNullable(outputs.get(Output.NEXT_PURCHASE)),
                outputs.get(Output.BEST_SEND_TIME),
                items,
                needs,
                warning);
    }

    private <M> Map<Output, Prediction> scoreWith(TenantId tenant, ModelPort<M> port, CustomerFeatures features) {
        return port.score(registry.serving(tenant, port), features);
    }

    private static Prediction inCurrency(Prediction prediction, String currency) {
        return new Prediction(
                prediction.value(),
                prediction.label(),
                currency,
                prediction.explanation(),
                prediction.modelVersion(),
                prediction.fallback());
    }
}
