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
        double r = parameters.r();
        double alpha = parameters.alpha();
        double a = parameters.a();
        double b = parameters.b();
        double logAlpha = Math.log(alpha);
        double logA = Math.log(a);
        FrequencyTerms terms = new FrequencyTerms(r, a, b);
        double total = 0;
        double dr = 0;
        double dAlpha = 0;
        double da = 0;
        double db = 0;
        for (int i = 0; i < data.size(); i++) {
            int x = data.frequency[i];
            terms.advanceTo(x);
            double weight = data.weight[i];
            double shape = r + x;
            double alphaPlusAge = alpha + data.age[i];
            double aliveTerm = -shape * Math.log(alphaPlusAge);
            double mixture = aliveTerm;
            double deadShare = 0;
            double alphaPlusRecency = alpha + data.recency[i];
            double deadTerm =
                    x > 0 ? logA - Math.log(b + x - 1) - shape * Math.log(alphaPlusRecency) : Double.NEGATIVE_INFINITY;
            if (x > 0) {
                // Log-sum-exp of the two branches: "alive at T" and "dropped out right after t_x".
                double high = Math.max(aliveTerm, deadTerm);
                double sum = Math.exp(aliveTerm - high) + Math.exp(deadTerm - high);
                mixture = high + Math.log(sum);
                deadShare = Math.exp(deadTerm - mixture);
            }
            total += weight * (terms.logGammaRatio + r * logAlpha + terms.logBetaRatio + mixture);
            if (gradient != null) {
                double aliveShare = 1.0 - deadShare;
                double deadLog = x > 0 ? Math.log(alphaPlusRecency) : 0;
                dr += weight
                        * (terms.digammaDifference
                                + logAlpha
                                - aliveShare * Math.log(alphaPlusAge)
                                - deadShare * deadLog);
                dAlpha += weight * (r / alpha - shape * (aliveShare / alphaPlusAge + deadShare / alphaPlusRecency));
                da += weight * (terms.betaRatioByA + deadShare / a);
                db += weight * (terms.betaRatioByB - (x > 0 ? deadShare / (b + x - 1) : 0));
            }
        }
        if (gradient != null) {
            gradient[0] = dr;
            gradient[1] = dAlpha;
            gradient[2] = da;
            gradient[3] = db;
        }
        return total;
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
