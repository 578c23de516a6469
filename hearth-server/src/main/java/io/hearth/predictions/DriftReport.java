package io.hearth.predictions;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * Population stability of the serving CLV, churn and health versions' features and scores: training
 * window against the live data now.
 *
 * @param modelVersion the versions whose training distributions are compared, comma-separated (e.g.
 *     {@code clv@3,churn@3,health@3}); each entry names its own
 * @param threshold the configured alert level
 */
public record DriftReport(String modelVersion, Instant measuredAt, double threshold, List<Entry> entries) {

    public DriftReport {
        requireNonNull(modelVersion, "modelVersion is null");
        requireNonNull(measuredAt, "measuredAt is null");
        entries = List.copyOf(entries);
    }

    /**
     * One feature or score.
     *
     * @param modelVersion the serving version whose training window the live customers are compared with
     * @param binEdges upper edges of the training bins (the last bin is open)
     * @param training share of training customers per bin
     * @param live share of live customers per bin
     */
    public record Entry(
            String feature,
            String modelVersion,
            double psi,
            List<Double> binEdges,
            List<Double> training,
            List<Double> live) {
        public Entry {
            requireNonNull(feature, "feature is null");
            requireNonNull(modelVersion, "modelVersion is null");
            binEdges = List.copyOf(binEdges);
            training = List.copyOf(training);
            live = List.copyOf(live);
        }
    }
}
