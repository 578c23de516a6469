package io.hearth.predictions.internal;

import io.hearth.predictions.Factor;
import io.hearth.predictions.Prediction;
import io.hearth.predictions.internal.RhythmArtefact.CalibrationBin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Churn risk by rule: how overdue the customer is against their own rhythm, through a logistic curve
 * (due now ≈ 0.22, twice the rhythm ≈ 0.78, three times ≈ 0.98). Training learns the shop's rhythm and
 * backtests the rule: features at (end − churn horizon), label = no purchase in the horizon after.
 * Not a port itself: {@link ChurnPort} trains it alongside the trees and falls back to it.
 */
@Component
class ChurnRules {

    static final String RULES_VERSION = "churn-rules@1";
    private static final double STEEPNESS = 2.5;
    private static final double MIDPOINT = 1.5;

    private final PredictionSettings settings;

    ChurnRules(PredictionSettings settings) {
        this.settings = settings;
    }

    String codeVersion() {
        return "churn-rhythm-rules/1";
    }

    Trained<RhythmArtefact> train(TrainingSet data) {
        Instant cutOff = data.windowEnd().minus(settings.churnHorizon());
        TrainingSet before = new TrainingSet(data.tenant(), data.customers(), cutOff, data.engagements());
        Rhythm rhythm = new Rhythm(before.populationMedianDays());
        List<double[]> scored = new ArrayList<>();
        for (PurchaseHistory history : data.customers()) {
            PurchaseHistory known = history.until(cutOff);
            if (known.isEmpty()) {
                continue;
            }
            double risk = risk(rhythm, CustomerFeatures.ofHistory(known, cutOff));
            boolean churned = history.purchases().getLast().at().compareTo(cutOff) <= 0;
            scored.add(new double[] {risk, churned ? 1 : 0});
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("customers", (double) data.customers().size());
        metrics.put("backtest_customers", (double) scored.size());
        String reason = null;
        if (scored.size() < settings.minCustomers()) {
            reason = scored.size()
                    + " customers before the backtest cut-off, fewer than hearth.predictions.min-customers";
        } else {
            metrics.put("backtest_auc", Backtest.auc(scored));
            metrics.put("backtest_brier", Backtest.brier(scored));
            metrics.put(
                    "backtest_churn_rate",
                    scored.stream().mapToDouble(s -> s[1]).average().orElse(0));
        }
        List<CalibrationBin> calibration = Backtest.calibration(scored);
        RhythmArtefact artefact = new RhythmArtefact(data.populationMedianDays().orElse(null), calibration);
        Map<String, Double> parameters = new LinkedHashMap<>();
        data.populationMedianDays().ifPresent(days -> parameters.put("population_median_interval_days", days));
        parameters.put("steepness", STEEPNESS);
        parameters.put("midpoint_overdue_ratio", MIDPOINT);
        return new Trained<>(artefact, metrics, parameters, reason);
    }

    byte[] write(RhythmArtefact model) {
        return Artefacts.write(model);
    }

    RhythmArtefact read(byte[] artefact) {
        return Artefacts.read(artefact, RhythmArtefact.class);
    }

    Map<Output, Prediction> score(Optional<Serving<RhythmArtefact>> model, CustomerFeatures customer) {
        Rhythm rhythm = model.map(m -> m.model().rhythm()).orElse(Rhythm.unknown());
        String version = model.map(m -> m.version().id()).orElse(RULES_VERSION);
        double risk = risk(rhythm, customer);
        List<Factor> factors = new ArrayList<>();
        Optional<Double> interval = rhythm.expectedIntervalDays(customer);
        customer.recencyDays()
                .ifPresent(recency -> factors.add(new Factor(
                        "days_since_last_purchase",
                        recency,
                        risk - logistic(1),
                        "days since the last purchase, against a rhythm of "
                                + interval.map(days -> Math.round(days) + " days")
                                        .orElse("unknown"))));
        interval.ifPresent(days -> factors.add(new Factor(
                "expected_interval_days", days, 0, "expected days between purchases (own, shrunk toward the shop's)")));
        factors.add(new Factor("purchases", customer.trips(), 0, "shopping trips so far"));
        factors.sort(
                Comparator.comparingDouble((Factor f) -> Math.abs(f.effect())).reversed());
        Map<Output, Prediction> scores = new EnumMap<>(Output.class);
        scores.put(Output.CHURN_RISK, new Prediction(risk, null, "probability", factors, version, model.isEmpty()));
        return scores;
    }

    /** Without orders or a rhythm, nothing says the customer is gone or staying: an even 0.5. */
    static double risk(Rhythm rhythm, CustomerFeatures customer) {
        return rhythm.overdueRatio(customer).map(ChurnRules::logistic).orElse(0.5);
    }

    private static double logistic(double overdue) {
        return 1 / (1 + Math.exp(-STEEPNESS * (overdue - MIDPOINT)));
    }
}
