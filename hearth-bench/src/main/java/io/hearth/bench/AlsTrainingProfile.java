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
        System.out.println("| threads | run | wall s | CPU s (all threads) | CPU s per iteration | peak heap during"
                + " training (MB) |");
        System.out.println("|---|---|---|---|---|---|");
        for (int threads : new int[] {1, 2}) {
            for (String run : new String[] {"first", "second"}) {
                AlsConfig config = new AlsConfig(factors, 10, 1, iterations, 3, threads, 42);
                System.gc();
                resetPeaks();
                long started = System.nanoTime();
                long cpuStarted = CpuTime.process();
                ImplicitAls.train(matrix, config);
                double seconds = (System.nanoTime() - started) / 1e9;
                double cpu = (CpuTime.process() - cpuStarted) / 1e9;
                System.out.printf(
                        "| %d | %s | %.2f | %.2f | %.3f | %.0f |%n",
                        threads, run, seconds, cpu, cpu / iterations, peakHeapBytes() / 1e6);
            }
        }
        topK(factors);
    }

    /**
     * Mean CPU microseconds (of this thread) per request of FactorModel.recommend and of its
     * scoring pass alone: the brute-force limit, every item's score and no selection.
     */
    private static void topK(int factors) {
        int items = 50_000;
        int users = 500;
        Random random = new Random(1);
        float[] itemFactors = gaussian(items * factors, random);
        float[] userFactors = gaussian(users * factors, random);
        FactorModel model = FactorModel.of(factors, userFactors, itemFactors);
        float[] scores = new float[items];
        double sink = 0;
        System.out.printf("%n%d items × %d factors, %d requests per round, top 10:%n%n", items, factors, users);
        System.out.println("| round | recommend (score + top-k), CPU µs | scoring pass only (limit), CPU µs |"
                + " recommend / limit |");
        System.out.println("|---|---|---|---|");
        for (int round = 1; round <= 3; round++) {
            long started = CpuTime.thread();
            for (int user = 0; user < users; user++) {
                sink += model.recommend(user, 10, new int[0])[0];
            }
            double recommend = (CpuTime.thread() - started) / 1e3 / users;
            started = CpuTime.thread();
            for (int user = 0; user < users; user++) {
                model.score(user, scores);
                sink += scores[user];
            }
            double pass = (CpuTime.thread() - started) / 1e3 / users;
            System.out.printf("| %d | %.0f | %.0f | %.2f |%n", round, recommend, pass, recommend / pass);
        }
        System.out.println(sink == 42 ? "" : " ");
    }

    private static float[] gaussian(int length, Random random) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
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
