package io.hearth.ml.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionKnnTest {

    /** Visitors who view 1 then 2 go on to 3; visitors who view 7 then 8 go on to 9. */
    private static List<int[]> history() {
        List<int[]> sessions = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            sessions.add(new int[] {1, 2, 3});
            sessions.add(new int[] {7, 8, 9});
            sessions.add(new int[] {50 + n, 60 + n});
        }
        return sessions;
    }

    @Test
    void recommendsWhatSimilarSessionsViewedNext() {
        SessionKnn knn = SessionKnn.build(history(), SessionKnnConfig.defaults());
        assertThat(knn.recommend(new int[] {1, 2}, 1)).containsExactly(3);
        assertThat(knn.recommend(new int[] {7}, 2)).containsExactlyInAnyOrder(8, 9);
    }

    @Test
    void theLatestViewWeighsMost() {
        List<int[]> sessions = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            sessions.add(new int[] {1, 10});
            sessions.add(new int[] {2, 20});
        }
        SessionKnn knn = SessionKnn.build(sessions, SessionKnnConfig.defaults());
        assertThat(knn.recommend(new int[] {1, 2}, 1)).containsExactly(20);
        assertThat(knn.recommend(new int[] {2, 1}, 1)).containsExactly(10);
    }

    @Test
    void onlyTheMostRecentCandidateSessionsAreCompared() {
        List<int[]> sessions = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            sessions.add(new int[] {1, 5});
        }
        for (int n = 0; n < 10; n++) {
            sessions.add(new int[] {1, 6});
        }
        // With every session compared, 5 wins 30 to 10; the 10 newest only know 6.
        var all = SessionKnn.build(sessions, SessionKnnConfig.defaults());
        var recent = SessionKnn.build(sessions, SessionKnnConfig.defaults().withSampleSize(10));
        assertThat(all.recommend(new int[] {1}, 1)).containsExactly(5);
        assertThat(recent.recommend(new int[] {1}, 1)).containsExactly(6);
    }

    @Test
    void neverRecommendsViewedItemsAndIgnoresUnknownOnes() {
        SessionKnn knn = SessionKnn.build(history(), SessionKnnConfig.defaults());
        assertThat(knn.recommend(new int[] {999, 1}, 5)).containsExactlyInAnyOrder(2, 3);
        assertThat(knn.recommend(new int[] {999}, 5)).isEmpty();
        assertThat(knn.recommend(new int[0], 5)).isEmpty();
    }
}
