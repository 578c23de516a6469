package io.hearth.ml.bandit;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A contextual bandit choosing one offer per customer by linear Thompson sampling: each arm keeps a
 * Bayesian linear model of its reward on the customer's features; a choice draws one reward per arm
 * from its posterior and takes the largest. Arms whose cost the remaining budget cannot pay are left
 * out, so spending never passes the budget. Not thread-safe: callers serialize choices and updates.
 */
public final class OfferBandit {

    private final List<Arm> arms;
    private final List<ArmModel> models;
    private final int dimensions;
    private final double scale;
    private final double[] budgetLeft;

    /**
     * @param dimensions length of every context vector (include a constant 1 for an intercept)
     * @param priorPrecision λ of the prior N(0, λ⁻¹I): larger shrinks harder toward zero
     * @param scale v, how widely draws explore around the posterior mean
     */
    public OfferBandit(List<Arm> arms, int dimensions, double priorPrecision, double scale) {
        if (arms.isEmpty() || dimensions < 1 || priorPrecision <= 0 || scale < 0) {
            throw new IllegalArgumentException("needs arms, dimensions ≥ 1, priorPrecision > 0, scale ≥ 0");
        }
        this.arms = List.copyOf(arms);
        this.dimensions = dimensions;
        this.scale = scale;
        this.models = new ArrayList<>();
        this.budgetLeft = new double[arms.size()];
        for (int i = 0; i < arms.size(); i++) {
            models.add(new ArmModel(dimensions, priorPrecision));
            budgetLeft[i] = arms.get(i).budget();
        }
    }

    /** One offer: which arm, what was drawn for every arm (NaN when it was out of budget), and why. */
    public record Choice(int arm, String name, double[] draws, String reason) {
        public Choice {
            requireNonNull(name, "name is null");
            draws = draws.clone();
        }
    }

    /** The arm to offer for this context, or empty when no arm's budget can pay its cost. */
    public Optional<Choice> choose(double[] context, RandomGenerator random) {
        Optional<Choice> choice = choose(context, random, budgetLeft);
        choice.ifPresent(
                chosen -> budgetLeft[chosen.arm()] -= arms.get(chosen.arm()).cost());
        return choice;
    }

    /**
     * The same choice against budgets the caller keeps (a database row per arm, say), one per arm;
     * neither they nor this bandit's own budgets change.
     */
    public Optional<Choice> choose(double[] context, RandomGenerator random, double[] budgets) {
        check(context);
        if (budgets.length != arms.size()) {
            throw new IllegalArgumentException("needs one budget per arm");
        }
        double[] draws = new double[arms.size()];
        int best = -1;
        int second = -1;
        for (int i = 0; i < arms.size(); i++) {
            draws[i] = budgets[i] >= arms.get(i).cost() ? models.get(i).sample(context, scale, random) : Double.NaN;
            if (Double.isNaN(draws[i])) {
                continue;
            }
            if (best < 0 || draws[i] > draws[best]) {
                second = best;
                best = i;
            } else if (second < 0 || draws[i] > draws[second]) {
                second = i;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        return Optional.of(new Choice(best, arms.get(best).name(), draws, reason(best, second, draws)));
    }

    private String reason(int best, int second, double[] draws) {
        String runnerUp = second < 0
                ? "the only arm within budget"
                : "next %s %.4f".formatted(arms.get(second).name(), draws[second]);
        return "Thompson draw %s %.4f, %s (%d earlier offers of it)"
                .formatted(
                        arms.get(best).name(),
                        draws[best],
                        runnerUp,
                        models.get(best).pulls());
    }

    /** Learns what the customer did with the offer: reward 1 for a response, 0 for none, or a value. */
    public void update(int arm, double[] context, double reward) {
        check(context);
        models.get(arm).update(context, reward);
    }

    /** The arm's posterior mean reward for the context: the learned response rate. */
    public double expected(int arm, double[] context) {
        check(context);
        return models.get(arm).expected(context);
    }

    public double budgetLeft(int arm) {
        return budgetLeft[arm];
    }

    public List<Arm> arms() {
        return arms;
    }

    private void check(double[] context) {
        if (context.length != dimensions) {
            throw new IllegalArgumentException("context has " + context.length + " features, not " + dimensions);
        }
    }

    /**
     * An offer type with what one offer of it costs and the budget for all of them ({@code
     * Double.POSITIVE_INFINITY} for none).
     */
    public record Arm(String name, double cost, double budget) {
        public Arm {
            requireNonNull(name, "name is null");
            if (cost < 0 || budget < 0) {
                throw new IllegalArgumentException("cost and budget are not negative");
            }
        }
    }
}
