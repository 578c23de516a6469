package io.hearth.support.internal;

import io.hearth.ml.retrieval.RetrievedPassage;
import java.util.List;

/**
 * A customer message with what was read from it, the knowledge-base passages it found and, when
 * generative answers are on, what the endpoint answered from them (asked before the conversation's
 * transaction, so a slow endpoint holds no row lock).
 */
record Message(String text, Reading reading, List<RetrievedPassage> passages, GroundedAnswers.Generation generated) {

    Message(String text, Reading reading, List<RetrievedPassage> passages) {
        this(text, reading, passages, GroundedAnswers.NONE);
    }
}
