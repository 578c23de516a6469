package io.hearth.ml.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftmaxTrainerTest {

    /** Three Gaussian blobs in the dense block plus a sparse indicator of the class on half the rows. */
    @Test
    void learnsSeparableClassesFromDenseAndSparseFeatures() {
        Random random = new Random(5);
        List<FeatureRow> rows = new ArrayList<>();
        int[] labels = new int[600];
        float[][] centres = {{2, 0}, {-2, 1}, {0, -2}};
        for (int i = 0; i < labels.length; i++) {
            int label = i % 3;
            labels[i] = label;
            float[] dense = {
                centres[label][0] + (float) random.nextGaussian() * 0.5f,
                centres[label][1] + (float) random.nextGaussian() * 0.5f
            };
            SparseVector sparse =
                    i % 2 == 0 ? new SparseVector(new int[] {label}, new float[] {1}) : SparseVector.empty();
            rows.add(new FeatureRow(dense, sparse));
        }
        SoftmaxModel model = SoftmaxTrainer.train(rows, labels, 3, 3, SoftmaxSettings.defaults());
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            double[] probabilities = SoftmaxModel.probabilities(model.logits(rows.get(i)), 1);
            int best = 0;
            for (int k = 1; k < 3; k++) {
                best = probabilities[k] > probabilities[best] ? k : best;
            }
            correct += best == labels[i] ? 1 : 0;
        }
        assertThat(correct / 600.0).isGreaterThan(0.97);
        double[] onlySparse = SoftmaxModel.probabilities(
                model.logits(new FeatureRow(new float[2], new SparseVector(new int[] {2}, new float[] {1}))), 1);
        assertThat(onlySparse[2]).isGreaterThan(onlySparse[0]).isGreaterThan(onlySparse[1]);
    }
}
