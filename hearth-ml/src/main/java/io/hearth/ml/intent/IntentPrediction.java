package io.hearth.ml.intent;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The classifier's answer for one message. {@code intent} is the most probable intent even when
 * {@code outOfScope} is true (the confidence is under the tuned threshold, or the message is unlike
 * every training example kept): an agent may still find the guess useful, but an automation must not
 * act on it.
 *
 * @param confidence calibrated probability of {@code intent}, in [0, 1]
 * @param similarity cosine similarity of the message to the nearest training example kept (1 for a
 *     model trained without them)
 * @param alternatives the best few intents, best first (the first is {@code intent})
 */
public record IntentPrediction(
        String intent, double confidence, double similarity, boolean outOfScope, List<RankedIntent> alternatives) {

    public IntentPrediction {
        requireNonNull(intent, "intent is null");
        alternatives = List.copyOf(alternatives);
    }
}
