package io.hearth.ml.churn;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains a {@link ChurnModel}: gradient-boosted trees (XGBoost, logistic loss) on one part of the
 * customers, then an isotonic calibration of the booster's scores on the held-out rest, so the
 * calibration never sees scores the trees were fitted to.
 */
public final class ChurnTrainer {

    private ChurnTrainer() {}

    /** Trains on labelled examples that hold both outcomes in both the boosting and the held-out part. */
    public static ChurnModel train(List<LabelledExample> examples, ChurnTrainingSettings settings) {
        requireNonNull(settings, "settings is null");
        List<LabelledExample> boosting = new ArrayList<>();
        List<LabelledExample> heldOut = new ArrayList<>();
        for (LabelledExample example : examples) {
            boolean holdOut = share(example.features().customerId(), settings.seed()) < settings.calibrationShare();
            (holdOut ? heldOut : boosting).add(example);
        }
        return train(boosting, heldOut, settings);
    }

    /**
     * Trains the trees on {@code boosting} and calibrates them on {@code calibration}, which they never
     * saw. Pass the latest cut-off's examples as {@code calibration} (and the earlier ones as {@code
     * boosting}) to calibrate out of time: the calibration then follows the base rate nearest to the
     * moment the model serves, where a random split of customers averages over every cut-off.
     */
    public static ChurnModel train(
            List<LabelledExample> boosting, List<LabelledExample> calibration, ChurnTrainingSettings settings) {
        requireNonNull(settings, "settings is null");
        requireBothOutcomes(boosting, "boosting");
        requireBothOutcomes(calibration, "calibration");
        Booster booster = boost(boosting, settings);
        double[] scores = ChurnModel.logOdds(
                booster, calibration.stream().map(LabelledExample::features).toList());
        boolean[] outcomes = new boolean[calibration.size()];
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = calibration.get(i).churned();
        }
        return new ChurnModel(booster, IsotonicCalibration.fit(scores, outcomes));
    }

    private static Booster boost(List<LabelledExample> examples, ChurnTrainingSettings settings) {
        DMatrix matrix = BoosterMatrix.labelled(examples);
        try {
            return XGBoost.train(matrix, parameters(settings), settings.rounds(), Map.of(), null, null);
        } catch (XGBoostError error) {
            throw new IllegalStateException("XGBoost training failed", error);
        } finally {
            matrix.dispose();
        }
    }

    private static Map<String, Object> parameters(ChurnTrainingSettings settings) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("objective", "binary:logistic");
        parameters.put("eta", settings.learningRate());
        parameters.put("max_depth", settings.maxDepth());
        parameters.put("min_child_weight", 5);
        parameters.put("subsample", 0.8);
        parameters.put("colsample_bytree", 0.8);
        parameters.put("tree_method", "hist");
        parameters.put("seed", settings.seed());
        // Two cores are shared by the whole server; more threads only add contention.
        parameters.put("nthread", 2);
        parameters.put("verbosity", 0);
        return parameters;
    }

    /** A stable pseudo-random number in [0, 1) per customer, so the split does not depend on input order. */
    static double share(String customerId, long seed) {
        long mixed = customerId.hashCode() * 0x9E3779B97F4A7C15L + seed;
        mixed ^= mixed >>> 33;
        mixed *= 0xFF51AFD7ED558CCDL;
        mixed ^= mixed >>> 33;
        return (mixed >>> 11) * 0x1.0p-53;
    }

    private static void requireBothOutcomes(List<LabelledExample> examples, String part) {
        boolean churned = examples.stream().anyMatch(LabelledExample::churned);
        boolean retained = examples.stream().anyMatch(example -> !example.churned());
        if (!churned || !retained) {
            throw new IllegalArgumentException(
                    "the " + part + " part needs churned and retained customers; give more examples");
        }
    }
}
