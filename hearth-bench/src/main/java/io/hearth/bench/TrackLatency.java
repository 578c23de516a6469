package io.hearth.bench;

import io.hearth.bench.IngestionBenchmark.Latency;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Single {@code /v1/track} calls at a fixed arrival rate (open loop). Latency is counted from when a
 * call was due, not when it was sent, so a stalled server cannot hide its queue (no coordinated
 * omission).
 */
final class TrackLatency {

    private TrackLatency() {}

    static Latency measure(
            HttpClient http,
            ServerUnderTest server,
            EventFactory events,
            int rate,
            Duration duration,
            long firstSequence)
            throws InterruptedException {
        long total = rate * duration.toSeconds();
        long intervalNanos = 1_000_000_000L / rate;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        ConcurrentHashMap<String, Long> reasons = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long due = start + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                long sequence = firstSequence + i;
                pool.submit(() -> {
                    try {
                        int status =
                                IngestionBenchmark.post(http, server.baseUrl() + "/v1/track", events.event(sequence));
                        if (status != 200) {
                            errors.incrementAndGet();
                            reasons.merge("HTTP " + status, 1L, Long::sum);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        reasons.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                    }
                    latencies.add(System.nanoTime() - due);
                });
            }
        }
        if (!reasons.isEmpty()) {
            System.out.println("  /v1/track errors by reason at " + rate + "/s: " + new TreeMap<>(reasons));
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Latency(
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6,
                total,
                errors.get());
    }

    private static double percentile(long[] sorted, double quantile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
