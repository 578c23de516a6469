package io.hearth.ml.clv;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Log-likelihood of the Gamma-Gamma model for the mean spend {@code m} of {@code x} repeat transactions:
 *
 * <pre>
 *   f(m | p, q, γ, x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q m^(px-1) x^(px) / (γ + m x)^(px+q)
 * </pre>
 *
 * with the analytic gradient in {@code (p, q, γ)}. Evaluated over {@link SpendGroups}, so the gamma
 * and digamma terms, which depend on the buyer only through x, are computed once per frequency.
 */
final class GammaGammaLikelihood {

    private GammaGammaLikelihood() {}

    /** Total log-likelihood of a list of buyers; see {@link #evaluate(GammaGammaParameters, SpendGroups, double[])}. */
    static double evaluate(GammaGammaParameters parameters, List<SpendObservation> data, double @Nullable [] gradient) {
        return evaluate(parameters, SpendGroups.of(data), gradient);
    }

    /**
     * Total log-likelihood; when {@code gradient} is given, its three slots receive the partial
     * derivatives with respect to {@code p, q, γ}.
     */
    static double evaluate(GammaGammaParameters parameters, SpendGroups data, double @Nullable [] gradient) {
        double p = parameters.p();
        double q = parameters.q();
        double gamma = parameters.gamma();
        double n = data.buyers();
        double total = n * (q * Math.log(gamma) - SpecialFunctions.logGamma(q));
        double[] sum = new double[3];
        for (int group = 0; group < data.size; group++) {
            double x = data.frequency[group];
            double shape = p * x;
            int count = data.count(group);
            double sumLogScale = 0;
            double sumInverseScale = 0;
            for (int i = data.start[group]; i < data.start[group + 1]; i++) {
                double scale = gamma + data.total[i];
                sumLogScale += Math.log(scale);
                sumInverseScale += 1 / scale;
            }
            total += count * (SpecialFunctions.logGamma(shape + q) - SpecialFunctions.logGamma(shape))
                    + shape * data.sumLogTotal[group]
                    - data.sumLogMean[group]
                    - (shape + q) * sumLogScale;
            if (gradient != null) {
                double digammaSum = SpecialFunctions.digamma(shape + q);
                sum[0] += x
                        * (count * (digammaSum - SpecialFunctions.digamma(shape))
                                + data.sumLogTotal[group]
                                - sumLogScale);
                sum[1] += count * digammaSum - sumLogScale;
                sum[2] -= (shape + q) * sumInverseScale;
            }
        }
        if (gradient != null) {
            gradient[0] = sum[0];
            // The q- and γ-only terms are the same for every buyer, so they are added once, times the count.
            gradient[1] = sum[1] + n * (Math.log(gamma) - SpecialFunctions.digamma(q));
            gradient[2] = sum[2] + n * q / gamma;
        }
        return total;
    }
}
