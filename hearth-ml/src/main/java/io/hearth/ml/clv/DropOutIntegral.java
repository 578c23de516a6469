package io.hearth.ml.clv;

/**
 * {@code ln ∫ (α+τ)^-(r+x) (β+τ)^-(s+1) dτ} over {@code [from, to]} by composite Gauss-Legendre
 * quadrature: the Pareto/NBD drop-out term for parameter regions where the 2F1 series converges too
 * slowly (argument near 1, which happens when α and β differ by orders of magnitude).
 *
 * <p>The integral is taken in {@code u = ln((c+τ)/(c+from))} with {@code c = min(α, β)}, where the
 * log-integrand {@code h(u)} is concave with slope between {@code -(r+x+s)} and 1. Panels are sized so
 * that {@code h} changes by about {@value #PANEL_NATS} per panel, which a 10-point rule integrates to
 * near machine precision; once {@code h} is falling, concavity bounds the rest of the integral by
 * {@code e^h / |h'|}, so integration stops as soon as that bound is negligible.
 */
final class DropOutIntegral {

    private static final double PANEL_NATS = 2.0;
    private static final double NEGLIGIBLE = 1e-17;
    private static final GaussLegendre RULE = new GaussLegendre(10);

    private final double shape;
    private final double dropOutShape;
    private final double alpha;
    private final double beta;
    private final double shift;
    private final double origin;

    private DropOutIntegral(ParetoNbdParameters p, int x, double from) {
        shape = p.r() + x;
        dropOutShape = p.s() + 1;
        alpha = p.alpha();
        beta = p.beta();
        shift = Math.min(alpha, beta);
        origin = shift + from;
    }

    /** Natural log of the integral; negative infinity for an empty interval. */
    static double log(ParetoNbdParameters p, int x, double from, double to) {
        if (!(to > from)) {
            return Double.NEGATIVE_INFINITY;
        }
        DropOutIntegral integral = new DropOutIntegral(p, x, from);
        return integral.integrate(Math.log((integral.shift + to) / integral.origin));
    }

    private double integrate(double end) {
        double reference = logIntegrand(0);
        double sum = 0;
        double u = 0;
        while (u < end) {
            double width = Math.min(end - u, PANEL_NATS / Math.max(1.0, Math.abs(slope(u))));
            sum += panel(u, width, reference);
            u += width;
            double slope = slope(u);
            if (slope < 0 && Math.exp(logIntegrand(u) - reference) / -slope <= NEGLIGIBLE * sum) {
                break;
            }
        }
        return reference + Math.log(sum);
    }

    private double panel(double start, double width, double reference) {
        double half = 0.5 * width;
        double sum = 0;
        for (int i = 0; i < RULE.size(); i++) {
            double u = start + half * (1 + RULE.node(i));
            sum += RULE.weight(i) * Math.exp(logIntegrand(u) - reference);
        }
        return half * sum;
    }

    /** {@code h(u)}: log of the integrand times the Jacobian {@code dτ/du = c + τ}. */
    private double logIntegrand(double u) {
        double scaled = origin * Math.exp(u);
        double tau = scaled - shift;
        return -shape * Math.log(alpha + tau) - dropOutShape * Math.log(beta + tau) + Math.log(scaled);
    }

    private double slope(double u) {
        double scaled = origin * Math.exp(u);
        double tau = scaled - shift;
        return 1 - scaled * (shape / (alpha + tau) + dropOutShape / (beta + tau));
    }
}
