package io.hearth.ml.intent;

import static java.util.Objects.requireNonNull;

import io.hearth.ml.text.LexicalSettings;
import io.hearth.ml.text.SoftmaxSettings;

/**
 * How an intent model is trained.
 *
 * @param embeddingWeight scale of the unit-length sentence embedding against the two unit-length
 *     TF-IDF blocks
 * @param heldOutFraction share of each intent's examples kept aside to fit the temperature and the
 *     out-of-scope threshold (the final model is then trained on everything)
 * @param unseenIntentFraction share of intents hidden from a second calibration model, so that their
 *     held-out examples stand in for out-of-scope messages when the threshold is tuned
 * @param prototypesPerIntent training examples per intent kept for the similarity check (0 turns it off)
 */
public record IntentSettings(
        LexicalSettings lexical,
        SoftmaxSettings softmax,
        double embeddingWeight,
        double heldOutFraction,
        double unseenIntentFraction,
        int prototypesPerIntent,
        long seed) {

    public IntentSettings {
        requireNonNull(lexical, "lexical is null");
        requireNonNull(softmax, "softmax is null");
        if (embeddingWeight < 0) {
            throw new IllegalArgumentException("embeddingWeight must not be negative");
        }
        if (!(heldOutFraction > 0 && heldOutFraction < 0.5)) {
            throw new IllegalArgumentException("heldOutFraction must be in (0, 0.5)");
        }
        if (!(unseenIntentFraction > 0 && unseenIntentFraction < 0.5)) {
            throw new IllegalArgumentException("unseenIntentFraction must be in (0, 0.5)");
        }
        if (prototypesPerIntent < 0) {
            throw new IllegalArgumentException("prototypesPerIntent must not be negative");
        }
    }

    public static IntentSettings defaults() {
        return new IntentSettings(LexicalSettings.defaults(), SoftmaxSettings.defaults(), 2.0, 0.1, 0.2, 64, 11);
    }

    /** The same settings with another number of prototypes per intent (0: confidence alone decides). */
    public IntentSettings withPrototypesPerIntent(int perIntent) {
        return new IntentSettings(
                lexical, softmax, embeddingWeight, heldOutFraction, unseenIntentFraction, perIntent, seed);
    }
}
