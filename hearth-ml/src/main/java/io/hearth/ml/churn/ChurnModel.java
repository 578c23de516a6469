package io.hearth.ml.churn;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A trained churn model: boosted trees giving log-odds, an isotonic map to probabilities, and exact
 * tree-SHAP contributions as explanations.
 *
 * <p>It holds native XGBoost memory: {@link #close()} it when a newer version replaces it. Predictions
 * are synchronized because the native booster is not documented as safe for concurrent calls.
 */
public final class ChurnModel implements AutoCloseable {

    private final Booster booster;
    private final IsotonicCalibration calibration;

    ChurnModel(Booster booster, IsotonicCalibration calibration) {
        this.booster = requireNonNull(booster, "booster is null");
        this.calibration = requireNonNull(calibration, "calibration is null");
    }

    /** Restores a model written by {@link #toBytes()}. */
    public static ChurnModel fromBytes(byte[] bytes) {
        return ChurnModelFormat.read(bytes);
    }

    /** The model as bytes, for the registry; {@link #fromBytes} gives back an equal model. */
    public synchronized byte[] toBytes() {
        return ChurnModelFormat.write(booster, calibration);
    }

    /** The calibration from booster log-odds to probability. */
    public IsotonicCalibration calibration() {
        return calibration;
    }

    /** The prediction for one customer with its {@code topFactors} largest contributions. */
    public ChurnPrediction predict(FeatureVector features, int topFactors) {
        return predictAll(List.of(features), topFactors).getFirst();
    }

    /** Predictions for many customers in one native call, which is far cheaper than one call each. */
    public synchronized List<ChurnPrediction> predictAll(List<FeatureVector> vectors, int topFactors) {
        if (topFactors < 0) {
            throw new IllegalArgumentException("topFactors must be non-negative, got " + topFactors);
        }
        if (vectors.isEmpty()) {
            return List.of();
        }
        float[][] contributions = contributions(vectors);
        List<ChurnPrediction> predictions = new ArrayList<>(vectors.size());
        for (int row = 0; row < vectors.size(); row++) {
            predictions.add(explain(vectors.get(row), contributions[row], topFactors));
        }
        return predictions;
    }

    /** Calibrated probabilities only, for scoring many customers without explanations. */
    public double[] probabilities(List<FeatureVector> vectors) {
        double[] scores = logOdds(vectors);
        for (int i = 0; i < scores.length; i++) {
            scores[i] = calibration.apply(scores[i]);
        }
        return scores;
    }

    /** The booster's raw log-odds scores. */
    public synchronized double[] logOdds(List<FeatureVector> vectors) {
        return logOdds(booster, vectors);
    }

    /** Raw scores of a booster, shared with the trainer, which scores the held-out part before calibrating. */
    static double[] logOdds(Booster booster, List<FeatureVector> vectors) {
        if (vectors.isEmpty()) {
            return new double[0];
        }
        DMatrix matrix = BoosterMatrix.of(vectors);
        try {
            float[][] margins = booster.predict(matrix, true);
            double[] scores = new double[margins.length];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = margins[i][0];
            }
            return scores;
        } catch (XGBoostError error) {
            throw new IllegalStateException("XGBoost prediction failed", error);
        } finally {
            matrix.dispose();
        }
    }

    private float[][] contributions(List<FeatureVector> vectors) {
        DMatrix matrix = BoosterMatrix.of(vectors);
        try {
            return booster.predictContrib(matrix, 0);
        } catch (XGBoostError error) {
            throw new IllegalStateException("XGBoost contributions failed", error);
        } finally {
            matrix.dispose();
        }
    }

    /** The last column of a contribution row is the base value; the rest are per feature and sum to the score. */
    private ChurnPrediction explain(FeatureVector vector, float[] row, int topFactors) {
        ChurnFeature[] features = ChurnFeature.values();
        double logOdds = 0;
        List<FeatureContribution> all = new ArrayList<>(features.length);
        for (int column = 0; column < row.length; column++) {
            logOdds += row[column];
            if (column < features.length) {
                all.add(new FeatureContribution(features[column], vector.value(features[column]), row[column]));
            }
        }
        List<FeatureContribution> top = all.stream()
                .sorted(Comparator.comparingDouble((FeatureContribution c) -> -Math.abs(c.contribution())))
                .limit(topFactors)
                .toList();
        return new ChurnPrediction(vector.customerId(), calibration.apply(logOdds), logOdds, row[row.length - 1], top);
    }

    /** Frees the native booster; the model is unusable afterwards. */
    @Override
    public synchronized void close() {
        booster.dispose();
    }
}
