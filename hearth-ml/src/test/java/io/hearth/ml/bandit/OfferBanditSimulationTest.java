package io.hearth.ml.bandit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.ml.bandit.OfferBandit.Arm;
import io.hearth.ml.bandit.OfferBandit.Choice;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A simulated shop with known response rates per segment and offer: the bandit must find the best
 * offer of each segment and lose little against the oracle that always knows it.
 */
class OfferBanditSimulationTest {

    static final List<String> OFFERS = List.of("discount", "free_shipping", "bonus_points", "exclusive_access");
    static final List<String> SEGMENTS = List.of("bargain hunters", "busy parents", "fans");
    // Response rate of each segment (row) to each offer (column); the best differs per segment.
    static final double[][] RATES = {
        {0.10, 0.04, 0.05, 0.02},
        {0.03, 0.12, 0.05, 0.04},
        {0.02, 0.03, 0.04, 0.11}
    };
    static final int ROUNDS = 30_000;

    @Test
    void convergesToTheBestOfferOfEachSegmentWithSublinearRegretAgainstTheOracle() {
        OfferBandit bandit = new OfferBandit(
                OFFERS.stream()
                        .map(name -> new Arm(name, 1, Double.POSITIVE_INFINITY))
                        .toList(),
                3,
                1.0,
                0.5);
        SplittableRandom world = new SplittableRandom(7);
        SplittableRandom draws = new SplittableRandom(11);
        double[] regretByThird = new double[3];
        double randomRegret = 0;
        int[][] lateChoices = new int[SEGMENTS.size()][OFFERS.size()];
        for (int round = 0; round < ROUNDS; round++) {
            int segment = world.nextInt(SEGMENTS.size());
            double[] context = oneHot(segment);
            Choice choice = bandit.choose(context, draws).orElseThrow();
            boolean responded = world.nextDouble() < RATES[segment][choice.arm()];
            bandit.update(choice.arm(), context, responded ? 1 : 0);
            regretByThird[round * 3 / ROUNDS] += best(segment) - RATES[segment][choice.arm()];
            randomRegret += best(segment)
                    - IntStream.range(0, OFFERS.size())
                            .mapToDouble(a -> RATES[segment][a])
                            .average()
                            .orElseThrow();
            if (round >= ROUNDS - 5_000) {
                lateChoices[segment][choice.arm()]++;
            }
        }

        double regret = regretByThird[0] + regretByThird[1] + regretByThird[2];
        System.out.printf(
                "bandit regret vs oracle over %d rounds: %.1f (thirds %.1f / %.1f / %.1f); uniform random: %.1f%n",
                ROUNDS, regret, regretByThird[0], regretByThird[1], regretByThird[2], randomRegret);
        for (int segment = 0; segment < SEGMENTS.size(); segment++) {
            int bestArm = bestArm(segment);
            double share = (double) lateChoices[segment][bestArm]
                    / IntStream.of(lateChoices[segment]).sum();
            System.out.printf(
                    "  %-16s best %-16s chosen %.1f%% of the last 5000 rounds, learned rate %.3f (true %.3f)%n",
                    SEGMENTS.get(segment),
                    OFFERS.get(bestArm),
                    100 * share,
                    bandit.expected(bestArm, oneHot(segment)),
                    RATES[segment][bestArm]);
            assertThat(share).as(SEGMENTS.get(segment)).isGreaterThan(0.85);
        }
        assertThat(regret).isLessThan(0.15 * randomRegret);
        assertThat(regretByThird[2]).isLessThan(0.5 * regretByThird[0]);
    }

    @Test
    void anArmWhoseBudgetRunsOutIsNoLongerOfferedAndSpendingNeverPassesTheBudget() {
        OfferBandit bandit = new OfferBandit(
                List.of(new Arm("discount", 5, 50), new Arm("bonus_points", 1, Double.POSITIVE_INFINITY)), 1, 1.0, 0.5);
        SplittableRandom random = new SplittableRandom(3);
        double[] context = {1};
        int discounts = 0;
        for (int round = 0; round < 200; round++) {
            Choice choice = bandit.choose(context, random).orElseThrow();
            // The discount always converts, so the bandit wants it until the budget is gone.
            bandit.update(choice.arm(), context, choice.arm() == 0 ? 1 : 0);
            discounts += choice.arm() == 0 ? 1 : 0;
        }

        assertThat(discounts).isEqualTo(10);
        assertThat(bandit.budgetLeft(0)).isZero();
    }

    @Test
    void noArmWithinBudgetMeansNoOffer() {
        OfferBandit bandit = new OfferBandit(List.of(new Arm("discount", 5, 4)), 1, 1.0, 0.5);

        assertThat(bandit.choose(new double[] {1}, new SplittableRandom(1))).isEmpty();
    }

    @Test
    void theReasonNamesTheDrawAndTheRunnerUp() {
        OfferBandit bandit =
                new OfferBandit(List.of(new Arm("discount", 0, 10), new Arm("free_shipping", 0, 10)), 1, 1.0, 0.5);

        Choice choice = bandit.choose(new double[] {1}, new SplittableRandom(5)).orElseThrow();

        assertThat(choice.reason()).startsWith("Thompson draw " + choice.name()).contains("next ");
        assertThat(choice.draws()).hasSize(2);
    }

    private static double[] oneHot(int segment) {
        double[] context = new double[SEGMENTS.size()];
        context[segment] = 1;
        return context;
    }

    private static int bestArm(int segment) {
        int best = 0;
        for (int arm = 1; arm < OFFERS.size(); arm++) {
            if (RATES[segment][arm] > RATES[segment][best]) {
                best = arm;
            }
        }
        return best;
    }

    private static double best(int segment) {
        return RATES[segment][bestArm(segment)];
    }
}
