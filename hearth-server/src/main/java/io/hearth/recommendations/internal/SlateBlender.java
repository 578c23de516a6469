package io.hearth.recommendations.internal;

import java.util.List;

/**
 * Merges the strategies' lists into one ranking. An implementation gets every list (best first within
 * each) and the model they came from, and answers one candidate per item, best first; the winner's
 * strategy and reason are the ones shown and measured.
 */
interface SlateBlender {

    List<Candidate> blend(ServingModel model, List<CandidateList> lists);
}
