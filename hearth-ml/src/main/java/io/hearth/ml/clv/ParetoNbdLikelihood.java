package io.hearth.ml.clv;

/**
 * Pareto/NBD log-likelihood in the form of Fader &amp; Hardie's note "A note on deriving the
 * Pareto/NBD model and related expressions" (2005):
 *
 * <pre>
 *   L = Γ(r+x) α^r β^s / Γ(r) · { (α+T)^-(r+x) (β+T)^-s + s/(r+s+x) · A0 }
 * </pre>
 *
 * where {@code A0 = F(t_x) - F(T)} and {@code F(y) = 2F1(r+s+x, s+1; r+s+x+1; (α-β)/(α+y)) / (α+y)^(r+s+x)}
 * when {@code α >= β}, or the mirror image with {@code (r+x)} and {@code (β-α)/(β+y)} otherwise. The
 * branch is chosen so the 2F1 argument lies in [0, 1), where its series has only positive terms.
 * Everything is kept in logs because {@code (α+T)^(r+x)} overflows for heavy buyers. Where the series
 * would need many terms (argument near 1), the equivalent integral is evaluated by quadrature instead.
 */
final class ParetoNbdLikelihood {

    /** Above this many series terms the quadrature in {@link DropOutIntegral} is cheaper. */
    private static final double SERIES_BUDGET = 400;

    private ParetoNbdLikelihood() {}

    /** Total log-likelihood of the data. */
    static double logLikelihood(ParetoNbdParameters parameters, GroupedStatistics data) {
        double r = parameters.r();
        double commonTerm = r * Math.log(parameters.alpha()) + parameters.s() * Math.log(parameters.beta());
        double logGammaRatio = 0;
        int frequency = 0;
        double total = 0;
        for (int i = 0; i < data.size(); i++) {
            // Groups are sorted by frequency, so ln Γ(r+x) - ln Γ(r) grows by ln(r+k) one step at a time.
            for (; frequency < data.frequency[i]; frequency++) {
                logGammaRatio += Math.log(r + frequency);
            }
            SufficientStatistics customer = new SufficientStatistics(data.frequency[i], data.recency[i], data.age[i]);
            double mixture = logSumExp(logAliveTerm(parameters, customer), logDeadTerm(parameters, customer));
            total += data.weight[i] * (logGammaRatio + commonTerm + mixture);
        }
        return total;
    }

    /** {@code ln[(α+T)^-(r+x) (β+T)^-s]}: the customer is still alive at T. */
    static double logAliveTerm(ParetoNbdParameters p, SufficientStatistics customer) {
        return -(p.r() + customer.frequency()) * Math.log(p.alpha() + customer.age())
                - p.s() * Math.log(p.beta() + customer.age());
    }

    /** {@code ln[s/(r+s+x) · A0]}: the customer dropped out somewhere in (t_x, T]. */
    static double logDeadTerm(ParetoNbdParameters p, SufficientStatistics customer) {
        double recency = customer.recency();
        double age = customer.age();
        int x = customer.frequency();
        if (recency >= age) {
            return Double.NEGATIVE_INFINITY;
        }
        if (seriesTerms(p, x, recency) > SERIES_BUDGET) {
            // s/(r+s+x) · A0 is s times the drop-out integral, which quadrature handles at any α/β.
            return Math.log(p.s()) + DropOutIntegral.log(p, x, recency, age);
        }
        double atRecency = logF(p, x, recency);
        double atAge = logF(p, x, age);
        // F decreases in y; -expm1 keeps precision when t_x is close to T and the two nearly cancel.
        double logA0 = atRecency + Math.log(-Math.expm1(atAge - atRecency));
        return Math.log(p.s()) - Math.log(p.r() + p.s() + x) + logA0;
    }

    /**
     * Rough number of series terms 2F1 needs at {@code y}: terms grow while {@code n < bz/(1-z)} and
     * then shrink geometrically by {@code z}, so add the ~37/|ln z| terms a 1e-16 tolerance needs.
     */
    private static double seriesTerms(ParetoNbdParameters p, int x, double y) {
        boolean alphaBranch = p.alpha() >= p.beta();
        double b = alphaBranch ? p.s() + 1 : p.r() + x;
        double z = alphaBranch ? (p.alpha() - p.beta()) / (p.alpha() + y) : (p.beta() - p.alpha()) / (p.beta() + y);
        return z <= 0 ? 1 : b * z / (1 - z) + 37 / -Math.log(z);
    }

    private static double logF(ParetoNbdParameters p, int x, double y) {
        double first = p.r() + p.s() + x;
        if (p.alpha() >= p.beta()) {
            double scale = p.alpha() + y;
            double z = (p.alpha() - p.beta()) / scale;
            return Hypergeometric.log2F1(first, p.s() + 1, first + 1, z) - first * Math.log(scale);
        }
        double scale = p.beta() + y;
        double z = (p.beta() - p.alpha()) / scale;
        return Hypergeometric.log2F1(first, p.r() + x, first + 1, z) - first * Math.log(scale);
    }

    static double logSumExp(double left, double right) {
        double high = Math.max(left, right);
        if (high == Double.NEGATIVE_INFINITY) {
            return high;
        }
        return high + Math.log(Math.exp(left - high) + Math.exp(right - high));
    }
}
