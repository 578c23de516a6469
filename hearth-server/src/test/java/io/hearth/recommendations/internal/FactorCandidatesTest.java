package io.hearth.recommendations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.ml.recommend.QuantizedDotProductIndex;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FactorCandidatesTest {

    private final FactorCandidates candidates = new FactorCandidates(
            QuantizedDotProductIndex.of(new float[] {1, 0, 3, 0, 2, 0, 0, 1}, 2),
            new float[] {1, 0, 3, 0, 2, 0, 0, 1},
            0);

    @Test
    void aShoppersTopKIsComputedOnceForTheSameRowsOwnedItemsAndK() {
        var first = candidates.top(new int[] {7}, new float[] {1, 0}, 2, new int[0]);

        assertThat(first.items()).containsExactly(1, 2);
        assertThat(candidates.top(new int[] {7}, new float[] {1, 0}, 2, new int[0]))
                .isSameAs(first);
    }

    @Test
    void somethingNewlyOwnedOrAnotherKIsAskedAfresh() {
        var first = candidates.top(new int[] {7}, new float[] {1, 0}, 2, new int[0]);

        assertThat(candidates
                        .top(new int[] {7}, new float[] {1, 0}, 2, new int[] {1})
                        .items())
                .containsExactly(2, 0);
        assertThat(candidates
                        .top(new int[] {7}, new float[] {1, 0}, 3, new int[0])
                        .items())
                .containsExactly(1, 2, 0);
        assertThat(candidates.top(new int[] {8}, new float[] {0, 1}, 2, new int[0]))
                .isNotSameAs(first);
    }

    @Test
    void listsComputedAheadAnswerWhatThePassWouldWhateverTheRequestExcludes() {
        int factors = 8;
        int items = 500;
        int users = 30;
        Random random = new Random(7);
        float[] itemVectors = vectors(random, items * factors);
        float[] userVectors = vectors(random, users * factors);
        QuantizedDotProductIndex index = QuantizedDotProductIndex.of(itemVectors, factors);
        FactorCandidates ahead = new FactorCandidates(index, itemVectors, users);

        assertThat(ahead.precompute(userVectors, users, () -> false)).isEqualTo(users);
        assertThat(ahead.precomputed()).isEqualTo(users);

        for (int user = 0; user < users; user++) {
            float[] query = Arrays.copyOfRange(userVectors, user * factors, (user + 1) * factors);
            int[] best = index.top(query, FactorCandidates.DEPTH, new int[0]).items();
            // nothing excluded, a few of the best, and so many of the best that the list runs out
            for (int[] excluded : new int[][] {
                new int[0],
                IntStream.of(best[0], best[3], best[10]).sorted().toArray(),
                Arrays.stream(best).limit(40).sorted().toArray()
            }) {
                var answered = ahead.top(new int[] {user}, query, 40, excluded);
                var passed = index.top(query, 40, excluded);
                assertThat(answered.items()).as("user %d", user).containsExactly(passed.items());
                assertThat(answered.scores()).containsExactly(passed.scores());
            }
        }
    }

    @Test
    void computingAheadStopsOnceTheVersionIsNoLongerServed() {
        int factors = 4;
        Random random = new Random(3);
        float[] itemVectors = vectors(random, 100 * factors);
        FactorCandidates ahead =
                new FactorCandidates(QuantizedDotProductIndex.of(itemVectors, factors), itemVectors, 1000);

        assertThat(ahead.precompute(vectors(random, 1000 * factors), 1000, () -> true))
                .isZero();
    }

    private static float[] vectors(Random random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
