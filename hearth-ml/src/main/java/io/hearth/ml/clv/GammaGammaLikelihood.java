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
 * with the analytic gradient in {@code (p, q, γ)}.
 */
final class GammaGammaLikelihood {

    private GammaGammaLikelihood() {}

    /**
     * Total log-likelihood; when {@code gradient} is given, its three slots receive the partial
     * derivatives with respect to {@code p, q, γ}.
     */
    static double evaluate(GammaGammaParameters parameters, List<SpendObservation> data, double @Nullable [] gradient) {
        double q = parameters.q();
        double gamma = parameters.gamma();
        double constant = q * Math.log(gamma) - SpecialFunctions.logGamma(q);
        double total = 0;
        double[] sum = new double[3];
        for (SpendObservation observation : data) {
            double x = observation.frequency();
            double m = observation.meanSpend();
            double shape = parameters.p() * x;
            double logPosteriorScale = Math.log(gamma + m * x);
            total += SpecialFunctions.logGamma(shape + q)
                    - SpecialFunctions.logGamma(shape)
                    + constant
                    + shape * Math.log(m * x)
                    - Math.log(m)
                    - (shape + q) * logPosteriorScale;
            if (gradient != null) {
                addGradient(parameters, x, m, logPosteriorScale, sum);
            }
        }
        if (gradient != null) {
            double digammaQ = SpecialFunctions.digamma(q);
            gradient[0] = sum[0];
            // The q-only terms are the same for every customer, so they are added once, times the count.
            gradient[1] = sum[1] + data.size() * (Math.log(gamma) - digammaQ);
            gradient[2] = sum[2];
        }
        return total;
    }

    private static void addGradient(
            GammaGammaParameters parameters, double x, double m, double logPosteriorScale, double[] sum) {
        double shape = parameters.p() * x;
        double q = parameters.q();
        double digammaSum = SpecialFunctions.digamma(shape + q);
        sum[0] += x * (digammaSum - SpecialFunctions.digamma(shape) + Math.log(m * x) - logPosteriorScale);
        sum[1] += digammaSum - logPosteriorScale;
        sum[2] += q / parameters.gamma() - (shape + q) / (parameters.gamma() + m * x);
    }
}
