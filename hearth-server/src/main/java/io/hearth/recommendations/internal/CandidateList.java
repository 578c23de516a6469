package io.hearth.recommendations.internal;

import io.hearth.recommendations.Strategy;
import java.util.List;

/** One strategy's proposals, best first. */
record CandidateList(Strategy strategy, List<Candidate> candidates) {

    CandidateList {
        candidates = List.copyOf(candidates);
    }
}
