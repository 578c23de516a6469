package io.hearth.ml.clv;

/** Nodes and weights of an n-point Gauss-Legendre rule on [-1, 1], found by Newton's method. */
final class GaussLegendre {

    private final double[] nodes;
    private final double[] weights;

    GaussLegendre(int size) {
        nodes = new double[size];
        weights = new double[size];
        for (int i = 0; i < size; i++) {
            // Tricomi's approximation of the i-th root is close enough for Newton to converge quickly.
            double x = Math.cos(Math.PI * (i + 0.75) / (size + 0.5));
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++) {
                double[] values = legendre(size, x);
                derivative = size * (x * values[0] - values[1]) / (x * x - 1);
                double step = values[0] / derivative;
                x -= step;
                if (Math.abs(step) < 1e-16) {
                    break;
                }
            }
            double[] values = legendre(size, x);
            derivative = size * (x * values[0] - values[1]) / (x * x - 1);
            nodes[i] = x;
            weights[i] = 2 / ((1 - x * x) * derivative * derivative);
        }
    }

    int size() {
        return nodes.length;
    }

    double node(int i) {
        return nodes[i];
    }

    double weight(int i) {
        return weights[i];
    }

    /** {@code {P_n(x), P_(n-1)(x)}} by the three-term recurrence. */
    private static double[] legendre(int n, double x) {
        double current = x;
        double previous = 1;
        for (int k = 2; k <= n; k++) {
            double next = ((2 * k - 1) * x * current - (k - 1) * previous) / k;
            previous = current;
            current = next;
        }
        return new double[] {current, previous};
    }
}
