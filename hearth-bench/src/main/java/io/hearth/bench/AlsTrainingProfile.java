package io.hearth.bench;

import io.hearth.ml.recommend.AlsConfig;
import io.hearth.ml.recommend.FactorModel;
import io.hearth.ml.recommend.ImplicitAls;
import io.hearth.ml.recommend.InteractionMatrix;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Random;

/**
 * ALS training on the largest real set at hand (UCI Online Retail, every purchase), per iteration
 * on one and on two threads, with the peak heap it took; then serving-side top-k by dot product
 * over a synthetic 50,000-item catalogue against its brute-force limit, one pass over the item
 * matrix without any selection, in the same run.
 *
 * <p>Usage: {@code AlsTrainingProfile [factors] [iterations]}, defaults 64 and 15.
 */
public final class AlsTrainingProfile {

    private AlsTrainingProfile() {}

    public static void main(String[] args) throws Exception {
        int factors = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        var purchases = RecommendationData.onlineRetail(
                RecommendationData.sharedData().resolve("online-retail/online_retail_combined.csv.gz"));
        InteractionMatrix matrix = InteractionMatrix.of(purchases);
        System.out.printf(
                "Online Retail: %d purchase lines, %d customers × %d items, %d distinct cells; %d factors, %d"
                        + " iterations, λ 10, α 1%n%n",
                purchases.size(), matrix.userCount(), matrix.itemCount(), matrix.size(), factors, iterations);
        System.out.println("| threads | run | total s | s per iteration | peak heap during training (MB) |");
        System.out.println("|---|---|---|---|---|");
        for (int threads : new int[] {1, 2}) {
            for (String run : new String[] {"first", "second"}) {
                AlsConfig config = new AlsConfig(factors, 10, 1, iterations, 3, threads, 42);
                System.gc();
                resetPeaks();
                long started = System.nanoTime();
                ImplicitAls.train(matrix, config);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(
                        "| %d | %s | %.2f | %.3f | %.0f |%n",
                        threads, run, seconds, seconds / iterations, peakHeapBytes() / 1e6);
            }
        }
        topK(factors);
    }

    /** Mean microseconds per request of FactorModel.recommend against a bare pass of dot products. */
    private static void topK(int factors) {
        int items = 50_000;
        int users = 2_000;
        Random random = new Random(1);
        float[] itemFactors = new float[items * factors];
        float[] userFactors = new float[users * factors];
        for (int i = 0; i < itemFactors.length; i++) {
            itemFactors[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < userFactors.length; i++) {
            userFactors[i] = (float) random.nextGaussian();
        }
        FactorModel model = FactorModel.of(factors, userFactors, itemFactors);
        float[] scores = new float[items];
        double sink = 0;
        System.out.printf("%n%d items × %d factors, %d requests per round, top 10:%n%n", items, factors, users);
        System.out.println("| round | recommend (score + top-k), µs | dot products only (limit), µs | ratio |");
        System.out.println("|---|---|---|---|");
        for (int round = 1; round <= 3; round++) {
            long started = System.nanoTime();
            for (int user = 0; user < users; user++) {
                sink += model.recommend(user, 10, new int[0])[0];
            }
            double recommend = (System.nanoTime() - started) / 1e3 / users;
            started = System.nanoTime();
            for (int user = 0; user < users; user++) {
                model.score(user, scores);
                sink += scores[user];
            }
            double pass = (System.nanoTime() - started) / 1e3 / users;
            System.out.printf("| %d | %.0f | %.0f | %.2f |%n", round, recommend, pass, recommend / pass);
        }
        System.out.println(sink == 42 ? "" : " ");
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset: an upper bound of the live peak. */
    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
