package io.hearth.bench;

import io.hearth.ml.churn.ChurnExamples;
import io.hearth.ml.churn.ChurnModel;
import io.hearth.ml.churn.ChurnTrainer;
import io.hearth.ml.churn.ChurnTrainingSettings;
import io.hearth.ml.churn.FeatureVector;
import io.hearth.ml.churn.LabelledExample;
import io.hearth.ml.churn.Order;
import io.hearth.ml.clv.BgNbdModel;
import io.hearth.ml.clv.CustomerLifetimeValue;
import io.hearth.ml.clv.CustomerSummary;
import io.hearth.ml.clv.CustomerSummaryBuilder;
import io.hearth.ml.clv.GammaGammaModel;
import io.hearth.ml.clv.GroupedStatistics;
import io.hearth.ml.clv.PeriodUnit;
import io.hearth.ml.clv.SpendObservation;
import io.hearth.ml.clv.SufficientStatistics;
import io.hearth.ml.clv.Transaction;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Prediction algorithms on real data: BG/NBD + Gamma-Gamma fits on the CDNOW cohort and master file
 * (baseline: building the sufficient statistics, which any fit needs), scoring 1M synthetic customers
 * (baseline: a loop reading the same statistics), and churn training and scoring on Online Retail
 * (baseline: computing the features alone), with peak heap and peak resident memory.
 *
 * <p>Usage: {@code PredictionBenchmark [clv]} from the project root, with {@code ../shared/data}
 * present; {@code clv} runs the two CLV fits only. Fits report the median wall time and the median CPU
 * time of the fitting thread, which a machine shared with other builds distorts less.
 */
public final class PredictionBenchmark {

    private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    private static final int RUNS = 30;

    private PredictionBenchmark() {}

    public static void main(String[] args) throws IOException {
        clv("CDNOW cohort (2,357 customers)", PredictionData.cdnow("CDNOW_sample.txt", 0, 2, 4));
        clv("CDNOW master (23,570 customers)", PredictionData.cdnow("CDNOW_master.txt", 1, 1, 3));
        if (args.length > 0 && args[0].equals("clv")) {
            return;
        }
        scoring(1_000_000);
        churn();
    }

    private static void clv(String label, List<Transaction> transactions) {
        CustomerSummaryBuilder builder = new CustomerSummaryBuilder(CALIBRATION_END, CALIBRATION_END, PeriodUnit.WEEKS);
        double summarize = medianMillis(() -> builder.build(transactions));
        List<CustomerSummary> cohort = builder.build(transactions);
        GroupedStatistics grouped = GroupedStatistics.of(
                cohort.stream().map(CustomerSummary::statistics).toList());
        List<SpendObservation> spend = cohort.stream()
                .filter(CustomerSummary::hasRepeatSpend)
                .map(CustomerSummary::spend)
                .toList();
        double bgNbd = medianMillis(() -> BgNbdModel.fit(grouped));
        double gammaGamma = medianMillis(() -> GammaGammaModel.fit(spend));
        double both = medianMillis(() -> List.of(BgNbdModel.fit(grouped), GammaGammaModel.fit(spend)));
        double bothCpu = medianCpuMillis(() -> List.of(BgNbdModel.fit(grouped), GammaGammaModel.fit(spend)));
        double summarizeCpu = medianCpuMillis(() -> builder.build(transactions));
        System.out.printf(
                "%s: BG/NBD fit %.2f ms + Gamma-Gamma fit %.2f ms = %.2f ms; both in one go %.2f ms wall, %.2f ms"
                        + " CPU; baseline summarizing %.2f ms wall, %.2f ms CPU%n",
                label, bgNbd, gammaGamma, bgNbd + gammaGamma, both, bothCpu, summarize, summarizeCpu);
    }

    /** Random histories shaped like CDNOW's (most customers one-off, a long tail of regulars). */
    private static void scoring(int customers) {
        Random random = new Random(1);
        List<CustomerSummary> population = new ArrayList<>(customers);
        for (int i = 0; i < customers; i++) {
            int x = random.nextDouble() < 0.6 ? 0 : 1 + (int) (-Math.log(random.nextDouble()) * 3);
            double age = 1 + random.nextDouble() * 38;
            double recency = x == 0 ? 0 : random.nextDouble() * age;
            population.add(new CustomerSummary(
                    "c" + i, new SufficientStatistics(x, recency, age), x == 0 ? 0 : 10 + random.nextDouble() * 50, 0));
        }
        BgNbdModel purchases = BgNbdModel.fit(GroupedStatistics.of(population.subList(0, 20_000).stream()
                        .map(CustomerSummary::statistics)
                        .toList()))
                .model();
        GammaGammaModel spend = GammaGammaModel.fit(population.subList(0, 20_000).stream()
                        .filter(CustomerSummary::hasRepeatSpend)
                        .map(CustomerSummary::spend)
                        .toList())
                .model();
        CustomerLifetimeValue clv = new CustomerLifetimeValue(purchases, spend, PeriodUnit.WEEKS, 0.01);
        double[] sink = new double[1];
        double baseline = timeMillis(() -> population.forEach(
                c -> sink[0] += c.statistics().recency() / c.statistics().age()));
        double alive = timeMillis(() -> population.forEach(c -> sink[0] += purchases.probabilityAlive(c.statistics())));
        double expected = timeMillis(
                () -> population.forEach(c -> sink[0] += purchases.conditionalExpectedPurchases(52, c.statistics())));
        double value = timeMillis(() -> population.forEach(c -> sink[0] += clv.expectedValue(c, 12)));
        System.out.printf(
                "Scoring %,d synthetic customers: P(alive) %.0f ms, E[Y(52 weeks)] %.0f ms, 12-month CLV %.0f ms;"
                        + " baseline reading the statistics %.0f ms (checksum %.3g)%n",
                customers, alive, expected, value, baseline, sink[0]);
    }

    private static void churn() throws IOException {
        Path retail = PredictionData.root().resolve("online-retail/online_retail_combined.csv.gz");
        if (!Files.exists(retail)) {
            System.out.println("online-retail not found, churn benchmark skipped");
            return;
        }
        List<Order> orders = PredictionData.retailOrders();
        resetPeaks();
        Duration horizon = Duration.ofDays(90);
        List<Instant> cutoffs = List.of(
                Instant.parse("2011-03-14T00:00:00Z"),
                Instant.parse("2011-04-13T00:00:00Z"),
                Instant.parse("2011-05-13T00:00:00Z"),
                Instant.parse("2011-06-12T00:00:00Z"));
        long start = System.nanoTime();
        List<LabelledExample> training = new ArrayList<>();
        cutoffs.forEach(cutoff -> training.addAll(ChurnExamples.label(orders, List.of(), cutoff, horizon)));
        double featureMillis = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        Instant testCutoff = Instant.parse("2011-09-10T00:00:00Z");
        try (ChurnModel model = ChurnTrainer.train(training, ChurnTrainingSettings.defaults())) {
            double trainMillis = (System.nanoTime() - start) / 1e6;
            List<FeatureVector> live = ChurnExamples.label(orders, List.of(), testCutoff, horizon).stream()
                    .map(LabelledExample::features)
                    .toList();
            model.probabilities(live);
            double probabilities = medianMillis(() -> model.probabilities(live), 5);
            double explained = medianMillis(() -> model.predictAll(live, 3), 5);
            double features = medianMillis(() -> ChurnExamples.label(orders, List.of(), testCutoff, horizon), 3);
            System.out.printf(
                    "Churn on online-retail: %d training examples, features %.0f ms, training %.0f ms;"
                            + " scoring %d customers %.1f ms, with top-3 explanations %.1f ms;"
                            + " baseline computing their features %.0f ms%n",
                    training.size(), featureMillis, trainMillis, live.size(), probabilities, explained, features);
            System.out.printf(
                    "Peak heap %.0f MB, peak resident set %s (orders in memory included)%n",
                    peakHeapBytes() / 1e6, peakResidentSet());
        }
    }

    private static double timeMillis(Runnable work) {
        work.run();
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    /** Warm-up runs first so the JIT has compiled the hot loops; then the median of timed runs. */
    private static double medianMillis(Supplier<?> work) {
        return medianMillis(work, RUNS);
    }

    private static double medianMillis(Supplier<?> work, int runs) {
        for (int run = 0; run < runs; run++) {
            work.get();
        }
        double[] millis = new double[runs];
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            work.get();
            millis[run] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[runs / 2];
    }

    /** Median CPU time of the calling thread per run, after as many warm-up runs. */
    private static double medianCpuMillis(Supplier<?> work) {
        for (int run = 0; run < RUNS; run++) {
            work.get();
        }
        double[] millis = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long start = CpuTime.thread();
            work.get();
            millis[run] = (CpuTime.thread() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[RUNS / 2];
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }

    /** VmHWM from /proc: the whole process, so XGBoost's native memory counts too. */
    private static String peakResidentSet() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "n/a";
        }
        return Files.readAllLines(status).stream()
                .filter(line -> line.startsWith("VmHWM:"))
                .map(line -> line.substring(6).strip())
                .findFirst()
                .orElse("n/a");
    }
}
