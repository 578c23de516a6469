package io.hearth.ml.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlendTest {

    private static final int USERS = 300;
    private static final int ITEMS = 60;

    /** Every user has items 0 and 1; what each user wants next is item 2 + user % 58. */
    private static InteractionMatrix train() {
        List<Interaction> interactions = new ArrayList<>();
        for (int user = 0; user < USERS; user++) {
            interactions.add(Interaction.of(user, 0));
            interactions.add(Interaction.of(user, 1));
        }
        for (int item = 2; item < ITEMS; item++) {
            interactions.add(Interaction.of(USERS + item, item));
        }
        return InteractionMatrix.of(interactions);
    }

    private static List<Interaction> future() {
        List<Interaction> validation = new ArrayList<>();
        for (int user = 0; user < USERS; user++) {
            validation.add(Interaction.of(user, 2 + user % (ITEMS - 2)));
        }
        return validation;
    }

    /** Knows the future for 60 % of the users, guesses at random for the others. */
    private static Recommender informative(InteractionMatrix train) {
        return (user, scores) -> {
            Random random = new Random(user);
            for (int i = 0; i < scores.length; i++) {
                scores[i] = random.nextFloat();
            }
            if (user % 5 < 3) {
                scores[train.items().indexOf(2 + train.users().idAt(user) % (ITEMS - 2))] = 5;
            }
        };
    }

    private static Recommender noise() {
        return (user, scores) -> {
            Random random = new Random(1000 + user);
            for (int i = 0; i < scores.length; i++) {
                scores[i] = 100 * random.nextFloat();
            }
        };
    }

    @Test
    void learnsToTrustTheInformativeComponent() {
        InteractionMatrix train = train();
        List<Recommender> components = List.of(noise(), informative(train));
        BlendWeights learned = BlendWeights.learn(train, future(), components, 10);
        assertThat(learned.weights()[1]).isGreaterThan(learned.weights()[0]);
        assertThat(Arrays.stream(learned.weights()).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(learned.validationNdcg()).isGreaterThan(0.5);

        Blend blend = Blend.of(components, learned.weights(), train.itemCount());
        EvaluationReport blended = RankingEvaluation.evaluate(train, future(), blend, 10);
        EvaluationReport noisy = RankingEvaluation.evaluate(train, future(), noise(), 10);
        assertThat(blended.ndcg()).isGreaterThan(noisy.ndcg() + 0.3);
    }

    @Test
    void slateIsAlwaysFullAndRespectsExclusions() {
        InteractionMatrix train = train();
        Blend blend = Blend.of(List.of(informative(train)), new double[] {1}, train.itemCount());
        DecayedPopularity popularity = DecayedPopularity.build(train, Double.POSITIVE_INFINITY, 0);
        int[] excluded = {0, 1, 5};

        Slate known = blend.slate(0, 20, excluded, popularity);
        Slate visitor = blend.slate(-1, 20, excluded, popularity);

        for (Slate slate : List.of(known, visitor)) {
            assertThat(slate.items()).hasSize(20).doesNotHaveDuplicates().doesNotContain(excluded);
        }
        assertThat(known.items()[0]).isEqualTo(train.items().indexOf(2));
        assertThat(known.sources()).containsOnly(0);
        assertThat(visitor.sources()).containsOnly(1);
        assertThat(blend.slate(-1, 100, excluded, popularity).size()).isEqualTo(ITEMS - excluded.length);
    }

    @Test
    void rejectsWeightsThatCannotBlend() {
        List<Recommender> one = List.of(noise());
        assertThatThrownBy(() -> Blend.of(one, new double[] {0}, ITEMS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Blend.of(one, new double[] {1, 1}, ITEMS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Blend.of(one, new double[] {-1}, ITEMS)).isInstanceOf(IllegalArgumentException.class);
    }
}
