package io.hearth.ml.clv;

import org.jspecify.annotations.Nullable;

/**
 * BG/NBD log-likelihood and its analytic gradient over grouped sufficient statistics.
 *
 * <p>Per customer, with {@code A = ln Γ(r+x) - ln Γ(r) + r ln α + ln B(a, b+x) - ln B(a, b)}:
 *
 * <pre>
 *   ln L = A + ln( (α+T)^-(r+x) + [x &gt; 0] a/(b+x-1) (α+t_x)^-(r+x) )
 * </pre>
 *
 * The gamma and beta ratios are finite products for integer {@code x}, so they are accumulated
 * as the (frequency-sorted) groups are visited and no special functions are needed at all.
 */
final class BgNbdLikelihood {

    private BgNbdLikelihood() {}

    /** Total log-likelihood of the data. */
    static double logLikelihood(BgNbdParameters parameters, GroupedStatistics data) {
        return evaluate(parameters, data, null);
    }

    /**
     * Total log-likelihood; when {@code gradient} is given, its four slots receive the partial
     * derivatives with respect to {@code r, α, a, b}.
     */
    static double evaluate(BgNbdParameters parameters, GroupedStatistics data, double @Nullable [] gradient) {
        Accumulator sum = new Accumulator(parameters, gradient != null);
        for (int i = 0; i < data.size(); i++) {
            sum.add(data.frequency[i], data.recency[i], data.age[i], data.weight[i]);
        }
        if (gradient != null) {
            System.arraycopy(sum.gradient, 0, gradient, 0, sum.gradient.length);
        }
        return sum.total;
    }

    /** Sums the likelihood (and optionally the gradient) group by group in frequency order. */
    private static final class Accumulator {
        private final double r;
        private final double alpha;
        private final double a;
        private final double b;
        private final double logAlpha;
        private final double logA;
        private final boolean withGradient;
        private final FrequencyTerms terms;
        final double[] gradient = new double[4];
        double total;

        Accumulator(BgNbdParameters parameters, boolean withGradient) {
            r = parameters.r();
            alpha = parameters.alpha();
            a = parameters.a();
            b = parameters.b();
            logAlpha = Math.log(alpha);
            logA = Math.log(a);
            this.withGradient = withGradient;
            terms = new FrequencyTerms(r, a, b);
        }

        void add(int x, double recency, double age, double weight) {
            terms.advanceTo(x);
            double shape = r + x;
            double logAlphaPlusAge = Math.log(alpha + age);
            double logAlphaPlusRecency = Math.log(alpha + recency);
            double aliveTerm = -shape * logAlphaPlusAge;
            double mixture = aliveTerm;
            double deadShare = 0;
            if (x > 0) {
                // Log-sum-exp of the two branches: "alive at T" and "dropped out right after t_x".
                double deadTerm = logA - Math.log(b + x - 1) - shape * logAlphaPlusRecency;
                double high = Math.max(aliveTerm, deadTerm);
                mixture = high + Math.log(Math.exp(aliveTerm - high) + Math.exp(deadTerm - high));
                deadShare = Math.exp(deadTerm - mixture);
            }
            total += weight * (terms.logGammaRatio + r * logAlpha + terms.logBetaRatio + mixture);
            if (withGradient) {
                addGradient(x, recency, age, weight, deadShare, logAlphaPlusAge, logAlphaPlusRecency);
            }
        }

        /** The mixture's derivative is each branch's derivative weighted by its share of the sum. */
        private void addGradient(
                int x,
                double recency,
                double age,
                double weight,
                double deadShare,
                double logAlphaPlusAge,
                double logAlphaPlusRecency) {
            double aliveShare = 1.0 - deadShare;
            double shape = r + x;
            gradient[0] += weight
                    * (terms.digammaDifference
                            + logAlpha
                            - aliveShare * logAlphaPlusAge
                            - deadShare * logAlphaPlusRecency);
            gradient[1] += weight * (r / alpha - shape * (aliveShare / (alpha + age) + deadShare / (alpha + recency)));
            gradient[2] += weight * (terms.betaRatioByA + deadShare / a);
            gradient[3] += weight * (terms.betaRatioByB - (x > 0 ? deadShare / (b + x - 1) : 0));
        }
    }

    /** Running sums of the x-only terms, advanced one frequency at a time. */
    private static final class FrequencyTerms {
        private final double r;
        private final double a;
        private final double b;
        private int frequency;
        double logGammaRatio;
        double digammaDifference;
        double logBetaRatio;
        double betaRatioByA;
        double betaRatioByB;

        FrequencyTerms(double r, double a, double b) {
            this.r = r;
            this.a = a;
            this.b = b;
        }

        void advanceTo(int target) {
            for (; frequency < target; frequency++) {
                int k = frequency;
                logGammaRatio += Math.log(r + k);
                digammaDifference += 1.0 / (r + k);
                logBetaRatio += Math.log(b + k) - Math.log(a + b + k);
                betaRatioByA -= 1.0 / (a + b + k);
                betaRatioByB += 1.0 / (b + k) - 1.0 / (a + b + k);
            }
        }
    }
}
