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
        double p = parameters.p();
        double q = parameters.q();
        double gamma = parameters.gamma();
        double logGammaQ = SpecialFunctions.logGamma(q);
        double digammaQ = gradient != null ? SpecialFunctions.digamma(q) : 0;
        double logGammaScale = Math.log(gamma);
        double total = 0;
        double dp = 0;
        double dq = 0;
        double dGamma = 0;
        for (SpendObservation observation : data) {
            double x = observation.frequency();
            double m = observation.meanSpend();
            double shape = p * x;
            double logPosteriorScale = Math.log(gamma + m * x);
            double logTotal = Math.log(m * x);
            total += SpecialFunctions.logGamma(shape + q)
                    - SpecialFunctions.logGamma(shape)
                    - logGammaQ
                    + q * logGammaScale
                    + shape * logTotal
                    - Math.log(m)
                    - (shape + q) * logPosteriorScale;
            if (gradient != null) {
                double digammaSum = SpecialFunctions.digamma(shape + q);
                dp += x * (digammaSum - SpecialFunctions.digamma(shape) + logTotal - logPosteriorScale);
                dq += digammaSum - digammaQ + logGammaScale - logPosteriorScale;
                dGamma += q / gamma - (shape + q) / (gamma + m * x);
            }
        }
        if (gradient != null) {
            gradient[0] = dp;
            gradient[1] = dq;
            gradient[2] = dGamma;
        }
        return total;
    }
}
