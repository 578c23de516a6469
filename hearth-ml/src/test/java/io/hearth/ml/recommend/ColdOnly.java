package io.hearth.ml.recommend;

import java.util.Random;

/** For cold-item evaluations: only the cold items compete, and a seeded random order is the baseline. */
final class ColdOnly {

    private ColdOnly() {}

    /** Everything but the cold items scores minus infinity. */
    static Recommender of(boolean[] cold, Recommender inner) {
        return (user, scores) -> {
            inner.score(user, scores);
            for (int item = 0; item < scores.length; item++) {
                if (!cold[item]) {
                    scores[item] = Float.NEGATIVE_INFINITY;
                }
            }
        };
    }

    /** A random order per user, the same on every run. */
    static void randomScores(int user, float[] scores) {
        Random random = new Random(user);
        for (int item = 0; item < scores.length; item++) {
            scores[item] = random.nextFloat();
        }
    }
}
