package io.hearth.recommendations.internal;

import io.hearth.recommendations.Strategy;

/** An item (dense index) a strategy proposes, with its score within that strategy and a reason. */
record Candidate(int item, double score, Strategy strategy, String reason) {

    Candidate withScore(double value) {
        return new Candidate(item, value, strategy, reason);
    }
}
