package io.hearth.ml.text;

import static java.util.Objects.requireNonNull;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Multinomial logistic regression over {@link FeatureRow}s. Weights are stored feature-major (the
 * scores of all classes for one feature are adjacent), so scoring a sparse row touches one short
 * contiguous run per non-zero feature.
 */
public final class SoftmaxModel {

    private final int classes;
    private final int denseSize;
    private final int sparseSize;
    final float[] weights;
    final float[] bias;

    SoftmaxModel(int classes, int denseSize, int sparseSize) {
        this(classes, denseSize, sparseSize, new float[(denseSize + sparseSize) * classes], new float[classes]);
    }

    private SoftmaxModel(int classes, int denseSize, int sparseSize, float[] weights, float[] bias) {
        this.classes = classes;
        this.denseSize = denseSize;
        this.sparseSize = sparseSize;
        this.weights = weights;
        this.bias = bias;
    }

    public int classes() {
        return classes;
    }

    /** Raw class scores (logits) of a row. */
    public double[] logits(FeatureRow row) {
        requireNonNull(row, "row is null");
        double[] scores = new double[classes];
        for (int k = 0; k < classes; k++) {
            scores[k] = bias[k];
        }
        float[] dense = row.dense();
        for (int j = 0; j < dense.length; j++) {
            addFeature(scores, j, dense[j]);
        }
        SparseVector sparse = row.sparse();
        for (int i = 0; i < sparse.size(); i++) {
            addFeature(scores, denseSize + sparse.indices()[i], sparse.values()[i]);
        }
        return scores;
    }

    private void addFeature(double[] scores, int feature, float value) {
        int offset = feature * classes;
        for (int k = 0; k < classes; k++) {
            scores[k] += weights[offset + k] * value;
        }
    }

    /** Softmax of logits divided by {@code temperature}, computed stably. */
    public static double[] probabilities(double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double logit : logits) {
            max = Math.max(max, logit);
        }
        double[] probabilities = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            probabilities[k] = Math.exp((logits[k] - max) / temperature);
            sum += probabilities[k];
        }
        for (int k = 0; k < logits.length; k++) {
            probabilities[k] /= sum;
        }
        return probabilities;
    }

    /** Writes weights as half-precision floats: half the bytes, and no measurable loss in accuracy. */
    public void write(DataOutput out) throws IOException {
        out.writeInt(classes);
        out.writeInt(denseSize);
        out.writeInt(sparseSize);
        for (float value : bias) {
            out.writeFloat(value);
        }
        for (float weight : weights) {
            out.writeShort(Float.floatToFloat16(weight));
        }
    }

    public static SoftmaxModel read(DataInput in) throws IOException {
        int classes = in.readInt();
        int denseSize = in.readInt();
        int sparseSize = in.readInt();
        float[] bias = new float[classes];
        for (int k = 0; k < classes; k++) {
            bias[k] = in.readFloat();
        }
        float[] weights = new float[(denseSize + sparseSize) * classes];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Float.float16ToFloat(in.readShort());
        }
        return new SoftmaxModel(classes, denseSize, sparseSize, weights, bias);
    }
}
