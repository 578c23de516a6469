package io.hearth.ml.clv;

import static java.util.Objects.requireNonNull;

import java.util.function.DoubleUnaryOperator;

/**
 * BG/NBD purchase model: purchases follow a Poisson process with a gamma-distributed rate, and after
 * every purchase the customer drops out with a beta-distributed probability.
 *
 * <p>Forecasts use the closed forms of Fader, Hardie &amp; Lee (2005), equations (9) and (10). They need
 * {@code a + b > 1} (true of every fit seen in practice), because the Gauss hypergeometric function
 * is evaluated by its power series with positive parameters.
 */
public final class BgNbdModel implements PurchaseModel {

    /** Distance from {@code a = 1} within which the removable singularity is bridged numerically. */
    private static final double SINGULAR_BAND = 1e-7;

    private final BgNbdParameters parameters;

    /** Creates the model for given parameters. */
    public BgNbdModel(BgNbdParameters parameters) {
        this.parameters = requireNonNull(parameters, "parameters is null");
    }

    /** Fits the parameters by maximum likelihood; see {@link BgNbdFitter}. */
    public static ModelFit<BgNbdModel> fit(GroupedStatistics data) {
        return BgNbdFitter.fit(data);
    }

    /** The model's parameters. */
    public BgNbdParameters parameters() {
        return parameters;
    }

    @Override
    public double expectedPurchases(double t) {
        Checks.nonNegative(t, "t");
        BgNbdParameters p = parameters;
        return bridgeSingularity(p.a(), a -> {
            double logTail = p.r() * Math.log(p.alpha() / (p.alpha() + t))
                    + Hypergeometric.log2F1(p.r(), p.b(), a + p.b() - 1, t / (p.alpha() + t));
            return (a + p.b() - 1) / (a - 1) * -Math.expm1(logTail);
        });
    }

    @Override
    public double conditionalExpectedPurchases(double t, SufficientStatistics customer) {
        Checks.nonNegative(t, "t");
        BgNbdParameters p = parameters;
        int x = customer.frequency();
        double horizon = p.alpha() + customer.age() + t;
        double expected = bridgeSingularity(p.a(), a -> {
            double logTail = (p.r() + x) * Math.log((p.alpha() + customer.age()) / horizon)
                    + Hypergeometric.log2F1(p.r() + x, p.b() + x, a + p.b() + x - 1, t / horizon);
            return (a + p.b() + x - 1) / (a - 1) * -Math.expm1(logTail);
        });
        return expected * probabilityAlive(customer);
    }

    @Override
    public double probabilityAlive(SufficientStatistics customer) {
        int x = customer.frequency();
        if (x == 0) {
            return 1.0;
        }
        BgNbdParameters p = parameters;
        double logOdds = Math.log(p.a() / (p.b() + x - 1))
                + (p.r() + x) * Math.log((p.alpha() + customer.age()) / (p.alpha() + customer.recency()));
        return 1.0 / (1.0 + Math.exp(logOdds));
    }

    /** At {@code a = 1} the closed forms are 0/0 but continuous, so average the two sides. */
    private static double bridgeSingularity(double a, DoubleUnaryOperator formula) {
        if (Math.abs(a - 1) > SINGULAR_BAND) {
            return formula.applyAsDouble(a);
        }
        return 0.5 * (formula.applyAsDouble(1 - SINGULAR_BAND) + formula.applyAsDouble(1 + SINGULAR_BAND));
    }

    @Override
    public String toString() {
        return "BgNbdModel" + parameters;
    }
}
