package io.hearth.profiles.internal;

import io.hearth.ml.matching.JaroWinkler;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Scores how likely two profiles are one customer: the Jaro-Winkler similarity of each field both
 * profiles have, weighted, divided by the weight of the fields compared. The last name weighs most
 * because blocking already requires it to sound alike; the locality is the postal code when both have
 * one, the city otherwise. Pairs that share less than {@link #MIN_EVIDENCE} of the total weight are
 * not scored: a name alone never proposes a merge.
 *
 * <pre>
 * firstName 0.20   lastName 0.25   addressLine 0.20   locality 0.15   phone 0.20
 * </pre>
 */
final class MatchScorer {

    static final double FIRST_NAME = 0.20;
    static final double LAST_NAME = 0.25;
    static final double ADDRESS_LINE = 0.20;
    static final double LOCALITY = 0.15;
    static final double PHONE = 0.20;
    static final double MIN_EVIDENCE = 0.60;

    private MatchScorer() {}

    /** The score and per-field similarities (rounded to four decimals), or empty if too little to compare. */
    static Optional<MatchScore> score(MatchFields one, MatchFields other) {
        Map<String, Double> similarities = new LinkedHashMap<>();
        double weighted = 0;
        double compared = 0;
        String[][] fields = {
            {"firstName", one.firstName(), other.firstName()},
            {"lastName", one.lastName(), other.lastName()},
            {"addressLine", one.addressLine(), other.addressLine()},
            {"locality", locality(one, other), locality(other, one)},
            {"phone", one.phone(), other.phone()}
        };
        double[] weights = {FIRST_NAME, LAST_NAME, ADDRESS_LINE, LOCALITY, PHONE};
        for (int i = 0; i < fields.length; i++) {
            String left = fields[i][1];
            String right = fields[i][2];
            if (left.isEmpty() || right.isEmpty()) {
                continue;
            }
            double similarity = JaroWinkler.similarity(left, right);
            similarities.put(fields[i][0], rounded(similarity));
            weighted += weights[i] * similarity;
            compared += weights[i];
        }
        if (compared < MIN_EVIDENCE - 1e-9) {
            return Optional.empty();
        }
        return Optional.of(new MatchScore(rounded(weighted / compared), similarities));
    }

    private static String locality(MatchFields mine, MatchFields theirs) {
        boolean bothHavePostalCodes =
                !mine.postalCode().isEmpty() && !theirs.postalCode().isEmpty();
        return bothHavePostalCodes ? mine.postalCode() : mine.city();
    }

    private static double rounded(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    /** A pair's score in [0, 1] and the similarity of each field compared. */
    record MatchScore(double score, Map<String, Double> similarities) {
        MatchScore {
            similarities = Collections.unmodifiableMap(new LinkedHashMap<>(similarities));
        }
    }
}
