package io.hearth.ml.churn;

import java.util.List;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** Packs feature vectors into XGBoost's dense row-major matrix, NaN meaning missing. */
final class BoosterMatrix {

    private BoosterMatrix() {}

    static DMatrix of(List<FeatureVector> vectors) {
        int width = ChurnFeature.values().length;
        float[] data = new float[vectors.size() * width];
        for (int row = 0; row < vectors.size(); row++) {
            double[] values = vectors.get(row).values();
            for (int column = 0; column < width; column++) {
                data[row * width + column] = (float) values[column];
            }
        }
        try {
            return new DMatrix(data, vectors.size(), width, Float.NaN);
        } catch (XGBoostError error) {
            throw new IllegalStateException("XGBoost rejected the feature matrix", error);
        }
    }

    static DMatrix labelled(List<LabelledExample> examples) {
        DMatrix matrix = of(examples.stream().map(LabelledExample::features).toList());
        float[] labels = new float[examples.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = examples.get(i).churned() ? 1f : 0f;
        }
        try {
            matrix.setLabel(labels);
            return matrix;
        } catch (XGBoostError error) {
            matrix.dispose();
            throw new IllegalStateException("XGBoost rejected the labels", error);
        }
    }
}
