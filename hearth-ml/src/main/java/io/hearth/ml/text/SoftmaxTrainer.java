package io.hearth.ml.text;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Random;

/**
 * Trains a {@link SoftmaxModel} by stochastic gradient descent on the cross-entropy. The L2 penalty
 * is applied through a global scale factor (w = scale · v), so each step costs only the row's
 * non-zero features instead of the whole weight matrix.
 */
public final class SoftmaxTrainer {

    private SoftmaxTrainer() {}

    public static SoftmaxModel train(
            List<FeatureRow> rows, int[] labels, int classes, int sparseSize, SoftmaxSettings settings) {
        requireNonNull(rows, "rows is null");
        requireNonNull(labels, "labels is null");
        requireNonNull(settings, "settings is null");
        if (rows.isEmpty() || rows.size() != labels.length) {
            throw new IllegalArgumentException("need one label per row and at least one row");
        }
        int denseSize = rows.getFirst().dense().length;
        SoftmaxModel model = new SoftmaxModel(classes, denseSize, sparseSize);
        Pass pass = new Pass(model, denseSize, settings.l2());
        int[] order = new int[rows.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(settings.seed());
        long steps = (long) settings.epochs() * rows.size();
        long step = 0;
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            for (int i : order) {
                double rate = settings.learningRate() * (1 - 0.9 * step++ / steps);
                pass.step(rows.get(i), labels[i], rate);
            }
        }
        pass.finish();
        return model;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /** The mutable state of one training run: the model and its pending scale factor. */
    private static final class Pass {
        private final SoftmaxModel model;
        private final int denseSize;
        private final double l2;
        private double scale = 1;

        Pass(SoftmaxModel model, int denseSize, double l2) {
            this.model = model;
            this.denseSize = denseSize;
            this.l2 = l2;
        }

        void step(FeatureRow row, int label, double rate) {
            double[] logits = model.logits(row);
            for (int k = 0; k < logits.length; k++) {
                logits[k] = (logits[k] - model.bias[k]) * scale + model.bias[k];
            }
            double[] gradient = SoftmaxModel.probabilities(logits, 1);
            gradient[label] -= 1;
            scale *= 1 - rate * l2;
            if (scale < 1e-4) {
                finish();
            }
            double factor = rate / scale;
            float[] dense = row.dense();
            for (int j = 0; j < dense.length; j++) {
                update(j, dense[j] * factor, gradient);
            }
            SparseVector sparse = row.sparse();
            for (int i = 0; i < sparse.size(); i++) {
                update(denseSize + sparse.indices()[i], sparse.values()[i] * factor, gradient);
            }
            for (int k = 0; k < gradient.length; k++) {
                model.bias[k] -= (float) (rate * gradient[k]);
            }
        }

        private void update(int feature, double step, double[] gradient) {
            int offset = feature * gradient.length;
            float[] weights = model.weights;
            for (int k = 0; k < gradient.length; k++) {
                weights[offset + k] -= (float) (step * gradient[k]);
            }
        }

        /** Folds the scale factor back into the weights. */
        void finish() {
            float[] weights = model.weights;
            for (int i = 0; i < weights.length; i++) {
                weights[i] *= (float) scale;
            }
            scale = 1;
        }
    }
}
