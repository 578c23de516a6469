package io.hearth.ml.intent;

import static java.util.Objects.requireNonNull;

/** One labelled utterance: what a customer wrote and the intent it expresses. */
public record IntentExample(String utterance, String intent) {

    public IntentExample {
        requireNonNull(utterance, "utterance is null");
        requireNonNull(intent, "intent is null");
        if (utterance.isBlank()) {
            throw new IllegalArgumentException("utterance is blank");
        }
        if (intent.isBlank()) {
            throw new IllegalArgumentException("intent is blank");
        }
    }
}
