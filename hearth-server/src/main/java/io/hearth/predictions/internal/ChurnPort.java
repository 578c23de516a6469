package io.hearth.predictions.internal;

import io.hearth.ml.churn.BehaviourFeatures;
import io.hearth.ml.churn.ChurnPrediction;
import io.hearth.ml.churn.FeatureContribution;
import io.hearth.ml.churn.FeatureVector;
import io.hearth.predictions.Factor;
import io.hearth.predictions.ModelKind;
import io.hearth.predictions.Prediction;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Churn risk from hearth-ml's gradient-boosted trees (XGBoost, isotonic calibration) with their
 * tree-SHAP contributions as the explanation. The rhythm rules train alongside and answer whenever
 * there is no version, the shop is too small to boost, or the trees did not beat the rules.
 */
@Component
class ChurnPort implements ModelPort<ChurnArtefact> {

    static final String BOOSTED_CODE_VERSION = "xgboost-isotonic/1";
    private static final int TOP_FACTORS = 5;

    private final ChurnRules rules;
    private final PredictionSettings settings;

    ChurnPort(ChurnRules rules, PredictionSettings settings) {
        this.rules = rules;
        this.settings = settings;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.CHURN;
    }

    @Override
    public String codeVersion() {
        return rules.codeVersion();
    }

    @Override
    public String codeVersion(ChurnArtefact model) {
        return model.isBoosted() ? BOOSTED_CODE_VERSION : rules.codeVersion();
    }

    @Override
    public Trained<ChurnArtefact> train(TrainingSet data) {
        Trained<RhythmArtefact> byRules = rules.train(data);
        if (!byRules.good()) {
            return new Trained<>(
                    ChurnArtefact.rulesOnly(byRules.model()),
                    byRules.metrics(),
                    byRules.parameters(),
                    byRules.reason());
        }
        ChurnBoosting.Outcome boosted = ChurnBoosting.train(data, settings.churnHorizon(), byRules.model());
        Map<String, Double> metrics = new LinkedHashMap<>(byRules.metrics());
        metrics.putAll(boosted.metrics());
        Map<String, Double> parameters = new LinkedHashMap<>(byRules.parameters());
        parameters.putAll(boosted.parameters());
        return new Trained<>(boosted.artefact(), metrics, parameters, null);
    }

    @Override
    public byte[] write(ChurnArtefact model) {
        return model.toBytes();
    }

    @Override
    public ChurnArtefact read(byte[] artefact) {
        return ChurnArtefact.fromBytes(artefact);
    }

    @Override
    public void release(ChurnArtefact model) {
        model.close();
    }

    @Override
    public Map<Output, Prediction> score(Optional<Serving<ChurnArtefact>> model, CustomerFeatures customer) {
        Optional<ChurnPrediction> boosted = model.flatMap(
                serving -> features(customer).flatMap(v -> serving.model().predict(v, TOP_FACTORS)));
        if (model.isEmpty() || boosted.isEmpty()) {
            return rules.score(
                    model.map(s -> new Serving<>(s.version(), s.model().rules())), customer);
        }
        List<Factor> factors =
                boosted.get().topFactors().stream().map(ChurnPort::factor).toList();
        Map<Output, Prediction> scores = new EnumMap<>(Output.class);
        scores.put(
                Output.CHURN_RISK,
                new Prediction(
                        boosted.get().probability(),
                        null,
                        "probability",
                        factors,
                        model.get().version().id(),
                        false));
        return scores;
    }

    /** The customer's features as training computed them (orders and engagements); empty without a purchase. */
    private static Optional<FeatureVector> features(CustomerFeatures customer) {
        List<FeatureVector> vectors = BehaviourFeatures.compute(
                ChurnBoosting.orders(customer.history()), customer.engagements(), customer.asOf());
        return vectors.stream().findFirst();
    }

    /** Effect in log-odds of churn; an undefined input (one purchase day has no interval) reads as -1. */
    private static Factor factor(FeatureContribution contribution) {
        double value = Double.isNaN(contribution.value()) ? -1 : contribution.value();
        String detail = contribution.feature().description()
                + (Double.isNaN(contribution.value()) ? " (undefined)" : "")
                + "; tree-SHAP, log-odds of churn";
        return new Factor(contribution.feature().key(), value, contribution.contribution(), detail);
    }
}
