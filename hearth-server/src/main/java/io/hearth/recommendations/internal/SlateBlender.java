package io.hearth.recommendations.internal;

import java.util.List;

/**
 * Merges the strategies' lists into one ranking. The seam for a learned blend: an implementation gets
 * every list (best first within each) and answers one candidate per item, best first; the winner's
 * strategy and reason are the ones shown and measured.
 */
interface SlateBlender {

    List<Candidate> blend(List<CandidateList> lists);
}
