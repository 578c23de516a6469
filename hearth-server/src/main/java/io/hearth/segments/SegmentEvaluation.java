package io.hearth.segments;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What a bulk evaluation of a saved segment did.
 *
 * @param profilesEvaluated live profiles the expression ran over
 * @param entered customers who entered the segment
 * @param exited customers who left it
 * @param took wall time of the whole pass
 */
public record SegmentEvaluation(Segment segment, long profilesEvaluated, long entered, long exited, Duration took) {

    public SegmentEvaluation {
        requireNonNull(segment, "segment is null");
        requireNonNull(took, "took is null");
    }
}
