package io.hearth.predictions.internal;

import io.hearth.ml.churn.BehaviourFeatures;
import io.hearth.ml.churn.ChurnFeature;
import io.hearth.ml.churn.FeatureVector;
import io.hearth.ml.health.HealthAssessment;
import io.hearth.ml.health.HealthFactor;
import io.hearth.ml.health.HealthScore;
import io.hearth.predictions.Factor;
import io.hearth.predictions.ModelKind;
import io.hearth.predictions.Prediction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Health 0–100 from hearth-ml's {@link HealthScore}: seven weighted factors on the churn features,
 * each a factor whose effect is the points it earned, so {@link HealthMovers} can say what moved it.
 * Training learns the shop's reference spend; without a version the five-part rules answer.
 */
@Component
class HealthPort implements ModelPort<HealthArtefact> {

    private static final Map<HealthFactor, ChurnFeature> INPUT = Map.of(
            HealthFactor.RECENCY, ChurnFeature.RECENCY_DAYS,
            HealthFactor.FREQUENCY, ChurnFeature.PURCHASE_DAYS,
            HealthFactor.SPEND, ChurnFeature.SPEND_LAST_90_DAYS,
            HealthFactor.TREND, ChurnFeature.PURCHASE_TREND,
            HealthFactor.ENGAGEMENT, ChurnFeature.ENGAGEMENTS_LAST_30_DAYS,
            HealthFactor.REFUNDS, ChurnFeature.REFUND_SHARE,
            HealthFactor.SUPPORT, ChurnFeature.SUPPORT_CONTACTS_LAST_90_DAYS);

    private final HealthRules rules;

    HealthPort(HealthRules rules) {
        this.rules = rules;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.HEALTH;
    }

    @Override
    public String codeVersion() {
        return "hearth-ml-health-score/1";
    }

    @Override
    public Trained<HealthArtefact> train(TrainingSet data) {
        Trained<RhythmArtefact> byRules = rules.train(data);
        double reference = referenceSpend(data);
        Map<String, Double> parameters = new LinkedHashMap<>(byRules.parameters());
        parameters.put("reference_spend_90_days", reference);
        return new Trained<>(
                new HealthArtefact(reference, byRules.model()), byRules.metrics(), parameters, byRules.reason());
    }

    /** The median 90-day spend of customers who spent then; 1 when nobody did, so the curve stays defined. */
    private static double referenceSpend(TrainingSet data) {
        List<Double> spends =
                BehaviourFeatures.compute(ChurnBoosting.orders(data), List.of(), data.windowEnd()).stream()
                        .map(vector -> vector.value(ChurnFeature.SPEND_LAST_90_DAYS))
                        .filter(spend -> spend > 0)
                        .toList();
        return CustomerFeatures.median(spends).orElse(1.0);
    }

    @Override
    public byte[] write(HealthArtefact model) {
        return Artefacts.write(model);
    }

    @Override
    public HealthArtefact read(byte[] artefact) {
        return Artefacts.read(artefact, HealthArtefact.class);
    }

    @Override
    public Map<Output, Prediction> score(Optional<Serving<HealthArtefact>> model, CustomerFeatures customer) {
        Optional<FeatureVector> features =
                BehaviourFeatures.compute(
                                ChurnBoosting.orders(customer.history()), customer.engagements(), customer.asOf())
                        .stream()
                        .findFirst();
        if (model.isEmpty() || features.isEmpty()) {
            return rules.score(
                    model.map(s -> new Serving<>(s.version(), s.model().rules())), customer);
        }
        HealthAssessment assessment = new HealthScore(model.get().model().referenceSpend()).assess(features.get());
        List<Factor> parts = new ArrayList<>();
        assessment.points().forEach((factor, points) -> parts.add(part(factor, points, features.get())));
        parts.sort(Comparator.comparingDouble(Factor::effect));
        Map<Output, Prediction> scores = new EnumMap<>(Output.class);
        scores.put(
                Output.HEALTH,
                new Prediction(
                        Math.round(assessment.score() * 10) / 10.0,
                        null,
                        "points",
                        parts,
                        model.get().version().id(),
                        false));
        return scores;
    }

    private static Factor part(HealthFactor factor, double points, FeatureVector features) {
        double input = features.value(INPUT.get(factor));
        String detail = String.format(Locale.ROOT, "%s (%.0f points)", factor.description(), 100 * factor.weight());
        return new Factor(factor.name().toLowerCase(Locale.ROOT), Double.isNaN(input) ? -1 : input, points, detail);
    }
}
