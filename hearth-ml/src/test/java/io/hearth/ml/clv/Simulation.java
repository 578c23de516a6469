package io.hearth.ml.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded draws from the generative stories of the models, for parameter-recovery tests. */
final class Simulation {

    private final Random random;

    Simulation(long seed) {
        random = new Random(seed);
    }

    /** Gamma(shape, rate) by Marsaglia &amp; Tsang, boosted for shapes below one. */
    double gamma(double shape, double rate) {
        if (shape < 1) {
            return gamma(shape + 1, rate) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double normal = random.nextGaussian();
            double v = Math.pow(1 + c * normal, 3);
            if (v > 0 && Math.log(random.nextDouble()) < 0.5 * normal * normal + d - d * v + d * Math.log(v)) {
                return d * v / rate;
            }
        }
    }

    double beta(double a, double b) {
        double x = gamma(a, 1);
        return x / (x + gamma(b, 1));
    }

    double exponential(double rate) {
        return -Math.log1p(-random.nextDouble()) / rate;
    }

    /** Customers with ages spread uniformly over [minAge, maxAge] periods, simulated under BG/NBD. */
    List<SufficientStatistics> bgNbd(BgNbdParameters p, int customers, double minAge, double maxAge) {
        List<SufficientStatistics> result = new ArrayList<>(customers);
        for (int i = 0; i < customers; i++) {
            double age = minAge + (maxAge - minAge) * random.nextDouble();
            double rate = gamma(p.r(), p.alpha());
            double dropout = beta(p.a(), p.b());
            int purchases = 0;
            double last = 0;
            double time = exponential(rate);
            while (time <= age) {
                purchases++;
                last = time;
                if (random.nextDouble() < dropout) {
                    break;
                }
                time += exponential(rate);
            }
            result.add(new SufficientStatistics(purchases, last, age));
        }
        return result;
    }

    /** Customers simulated under Pareto/NBD: exponential lifetimes instead of drop-out after purchases. */
    List<SufficientStatistics> paretoNbd(ParetoNbdParameters p, int customers, double minAge, double maxAge) {
        List<SufficientStatistics> result = new ArrayList<>(customers);
        for (int i = 0; i < customers; i++) {
            double age = minAge + (maxAge - minAge) * random.nextDouble();
            double rate = gamma(p.r(), p.alpha());
            double lifetime = exponential(gamma(p.s(), p.beta()));
            double end = Math.min(age, lifetime);
            int purchases = 0;
            double last = 0;
            for (double time = exponential(rate); time <= end; time += exponential(rate)) {
                purchases++;
                last = time;
            }
            result.add(new SufficientStatistics(purchases, last, age));
        }
        return result;
    }
}
