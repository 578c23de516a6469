package io.hearth.ml.text;

/**
 * Stochastic gradient descent for {@link SoftmaxModel}: {@code epochs} shuffled passes, a step that
 * decays linearly from {@code learningRate} to a tenth of it, and an L2 penalty per example.
 */
public record SoftmaxSettings(int epochs, double learningRate, double l2, long seed) {

    public SoftmaxSettings {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be positive: " + epochs);
        }
        if (!(learningRate > 0) || l2 < 0) {
            throw new IllegalArgumentException("learningRate must be positive and l2 not negative");
        }
    }

    public static SoftmaxSettings defaults() {
        return new SoftmaxSettings(20, 0.5, 1e-5, 7);
    }

    public SoftmaxSettings withEpochs(int newEpochs) {
        return new SoftmaxSettings(newEpochs, learningRate, l2, seed);
    }
}
