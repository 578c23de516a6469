package io.hearth.predictions.internal;

import io.hearth.ml.churn.BinaryMetrics;
import io.hearth.ml.churn.ChurnExamples;
import io.hearth.ml.churn.ChurnModel;
import io.hearth.ml.churn.ChurnTrainer;
import io.hearth.ml.churn.ChurnTrainingSettings;
import io.hearth.ml.churn.LabelledExample;
import io.hearth.ml.churn.Order;
import io.hearth.predictions.internal.RhythmArtefact.CalibrationBin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains hearth-ml's churn trees on a tenant's backtest (features at end − horizon, label = no
 * purchase in the horizon after) and measures them against the rules by five-fold cross-validation:
 * every customer is scored by trees that never saw them. The served model is then trained on all.
 */
final class ChurnBoosting {

    /** Below this many labelled customers a fold is too small for both outcomes in every part. */
    static final int MIN_CUSTOMERS = 100;

    private static final ChurnTrainingSettings SETTINGS = ChurnTrainingSettings.defaults();
    private static final int FOLDS = 5;
    private static final int BINS = 10;
    private static final double AUC_TOLERANCE = 0.01;

    private ChurnBoosting() {}

    /** What boosting gave: the model (null when skipped or worse than the rules) and its figures. */
    record Outcome(ChurnArtefact artefact, Map<String, Double> metrics, Map<String, Double> parameters) {}

    static Outcome train(TrainingSet data, Duration horizon, RhythmArtefact rules) {
        Instant cutOff = data.windowEnd().minus(horizon);
        List<LabelledExample> examples = ChurnExamples.label(orders(data), data.engagements(), cutOff, horizon);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("boosting_customers", (double) examples.size());
        if (examples.size() < MIN_CUSTOMERS) {
            metrics.put("boosting_skipped_too_few_customers", 1.0);
            return new Outcome(ChurnArtefact.rulesOnly(rules), metrics, Map.of());
        }
        double[] outOfFold;
        ChurnModel model;
        try {
            outOfFold = outOfFold(examples);
            model = ChurnTrainer.train(examples, SETTINGS);
        } catch (IllegalArgumentException oneOutcomeOnly) {
            // Every customer churned or every one stayed in a part: the rules' backtest still stands.
            metrics.put("boosting_skipped_one_outcome", 1.0);
            return new Outcome(ChurnArtefact.rulesOnly(rules), metrics, Map.of());
        }
        if (!measure(outOfFold, examples, data, cutOff, rules, metrics)) {
            model.close();
            metrics.put("boosting_rejected_worse_than_rules", 1.0);
            return new Outcome(ChurnArtefact.rulesOnly(rules), metrics, Map.of());
        }
        List<CalibrationBin> calibration = calibration(outOfFold, examples);
        return new Outcome(ChurnArtefact.boosted(rules, calibration, model), metrics, parameters());
    }

    /**
     * Each customer's probability from trees trained without their fold: figures over every customer
     * rather than one held-out fifth, whose AUC swings by several points with the (random) ids.
     */
    private static double[] outOfFold(List<LabelledExample> examples) {
        double[] scores = new double[examples.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<LabelledExample> fit = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (fold(examples.get(i).features().customerId()) == fold) {
                    test.add(i);
                } else {
                    fit.add(examples.get(i));
                }
            }
            try (ChurnModel model = ChurnTrainer.train(fit, SETTINGS)) {
                double[] probabilities = model.probabilities(
                        test.stream().map(i -> examples.get(i).features()).toList());
                for (int j = 0; j < probabilities.length; j++) {
                    scores[test.get(j)] = probabilities[j];
                }
            }
        }
        return scores;
    }

    /**
     * Puts the trees' and the rules' figures out of fold; true unless the trees rank
     * clearly worse (a tie still favours them: calibrated, and explained by more inputs).
     */
    private static boolean measure(
            double[] trees,
            List<LabelledExample> test,
            TrainingSet data,
            Instant cutOff,
            RhythmArtefact rules,
            Map<String, Double> metrics) {
        boolean[] churned = churned(test);
        double[] byRules = rulesRisk(test, data, cutOff, rules);
        double auc = BinaryMetrics.rocAuc(trees, churned);
        double rulesAuc = BinaryMetrics.rocAuc(byRules, churned);
        metrics.put("xgboost_folds", (double) FOLDS);
        metrics.put("xgboost_auc", auc);
        metrics.put("xgboost_pr_auc", BinaryMetrics.averagePrecision(trees, churned));
        metrics.put("xgboost_brier", BinaryMetrics.brier(trees, churned));
        metrics.put("rules_auc_same_customers", rulesAuc);
        return auc + AUC_TOLERANCE >= rulesAuc;
    }

    private static double[] rulesRisk(
            List<LabelledExample> test, TrainingSet data, Instant cutOff, RhythmArtefact rules) {
        Map<String, PurchaseHistory> byId = new LinkedHashMap<>();
        data.customers().forEach(h -> byId.put(h.customer().value(), h));
        return test.stream()
                .mapToDouble(e -> ChurnRules.risk(
                        rules.rhythm(),
                        CustomerFeatures.ofHistory(
                                byId.get(e.features().customerId()).until(cutOff), cutOff)))
                .toArray();
    }

    private static List<CalibrationBin> calibration(double[] trees, List<LabelledExample> test) {
        return BinaryMetrics.calibrationTable(trees, churned(test), BINS).stream()
                .filter(bin -> bin.count() > 0)
                .map(bin -> new CalibrationBin(bin.meanPredicted(), bin.observedRate(), bin.count()))
                .toList();
    }

    private static boolean[] churned(List<LabelledExample> examples) {
        boolean[] churned = new boolean[examples.size()];
        for (int i = 0; i < churned.length; i++) {
            churned[i] = examples.get(i).churned();
        }
        return churned;
    }

    private static Map<String, Double> parameters() {
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("xgboost_rounds", (double) SETTINGS.rounds());
        parameters.put("xgboost_max_depth", (double) SETTINGS.maxDepth());
        parameters.put("xgboost_learning_rate", SETTINGS.learningRate());
        parameters.put("xgboost_calibration_share", SETTINGS.calibrationShare());
        return parameters;
    }

    /** A stable fold per customer id, independent of the trainer's own calibration split. */
    private static int fold(String customerId) {
        int mixed = customerId.hashCode() * 0x9E3779B1;
        return Math.floorMod(mixed ^ (mixed >>> 16), FOLDS);
    }

    /** Orders as hearth-ml reads them; a refunded order counts as a refund, not a purchase. */
    static List<Order> orders(TrainingSet data) {
        List<Order> orders = new ArrayList<>();
        data.customers().forEach(history -> orders.addAll(orders(history)));
        return orders;
    }

    static List<Order> orders(PurchaseHistory history) {
        String id = history.customer().value();
        return history.purchases().stream()
                .map(p -> p.refunded()
                        ? Order.refund(id, p.at(), p.amount())
                        : Order.purchase(id, p.at(), p.amount(), p.categories()))
                .toList();
    }
}
