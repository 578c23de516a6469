package io.hearth.bench;

import io.hearth.ml.intent.IntentClassifier;
import io.hearth.ml.intent.IntentCsv;
import io.hearth.ml.intent.IntentExample;
import io.hearth.ml.intent.IntentSettings;
import io.hearth.ml.intent.IntentTrainer;
import io.hearth.ml.retrieval.Article;
import io.hearth.ml.retrieval.ArticleFormat;
import io.hearth.ml.retrieval.KnowledgeIndex;
import io.hearth.ml.retrieval.PassageChunker;
import io.hearth.ml.retrieval.RetrievalMode;
import io.hearth.ml.text.SentenceEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Support understanding on the machine's cores: embedding throughput (one thread as the baseline,
 * then a parallel batch), then per-message latency of embedding alone (the baseline), classification,
 * retrieval and both, and the throughput of the whole step with two concurrent callers.
 *
 * <pre>hearth-bench: SupportBenchmark [shared data folder] [messages]</pre>
 *
 * The intent model is trained on BANKING77's training set; the messages are its test utterances; the
 * knowledge base is the Bitext utterances, one article per intent, chunked into passages.
 */
public final class SupportBenchmark {

    private SupportBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        List<IntentExample> train =
                IntentCsv.parse(Files.readString(data.resolve("banking77/train.csv")), "text", "category");
        List<String> messages =
                IntentCsv.parse(Files.readString(data.resolve("banking77/test.csv")), "text", "category").stream()
                        .map(IntentExample::utterance)
                        .limit(count)
                        .toList();
        int cores = Runtime.getRuntime().availableProcessors();
        try (SentenceEmbedder embedder = SentenceEmbedder.load()) {
            embedder.embedAll(messages.subList(0, Math.min(200, messages.size()))); // warm-up
            long single = timed(() -> messages.forEach(embedder::embed));
            long batch = timed(() -> embedder.embedAll(messages));
            System.out.printf(
                    "%n| embedding (%d sentences, %d cores) | sentences/s |%n|---|---|%n", messages.size(), cores);
            System.out.printf("| one at a time, one caller (baseline) | %.0f |%n", messages.size() / (single / 1e9));
            System.out.printf("| batch over %d workers | %.0f |%n", cores, messages.size() / (batch / 1e9));
            long start = System.nanoTime();
            IntentClassifier classifier = new IntentTrainer(embedder).train(train, IntentSettings.defaults());
            System.out.printf("%ntraining on %d examples: %.1f s%n", train.size(), (System.nanoTime() - start) / 1e9);
            try (KnowledgeIndex index = knowledgeBase(data, embedder)) {
                System.out.printf("knowledge base: %d passages%n", index.size());
                latencies(messages, embedder, classifier, index);
                throughput(messages, embedder, classifier, index, cores);
            }
        }
    }

    private static KnowledgeIndex knowledgeBase(Path data, SentenceEmbedder embedder) throws IOException {
        String csv = Files.readString(data.resolve("bitext-customer-support/bitext_20k_utterances.csv"));
        Map<String, StringBuilder> bodies = new LinkedHashMap<>();
        for (IntentExample example : IntentCsv.parse(csv)) {
            bodies.computeIfAbsent(example.intent(), intent -> new StringBuilder())
                    .append(example.utterance())
                    .append(example.utterance().matches(".*[.!?]$") ? " " : ". ");
        }
        List<Article> articles = new ArrayList<>();
        bodies.forEach((intent, body) -> articles.add(new Article(
                intent, intent.replace('_', ' '), "/kb/" + intent, body.toString(), ArticleFormat.MARKDOWN)));
        return KnowledgeIndex.build(PassageChunker.defaults().chunkAll(articles), embedder);
    }

    private static void latencies(
            List<String> messages, SentenceEmbedder embedder, IntentClassifier classifier, KnowledgeIndex index) {
        System.out.printf(
                "%n| per message, one caller (%d messages) | p50 ms | p99 ms |%n|---|---|---|%n", messages.size());
        report("embedding alone (baseline)", messages, embedder::embed);
        report("embedding + intent", messages, message -> classifier.classify(message, embedder.embed(message)));
        report(
                "embedding + hybrid retrieval (top 5)",
                messages,
                message -> index.search(message, embedder.embed(message), 5, RetrievalMode.HYBRID));
        report("embedding + intent + retrieval", messages, message -> understand(message, embedder, classifier, index));
    }

    private static void understand(
            String message, SentenceEmbedder embedder, IntentClassifier classifier, KnowledgeIndex index) {
        float[] embedding = embedder.embed(message);
        classifier.classify(message, embedding);
        index.search(message, embedding, 5, RetrievalMode.HYBRID);
    }

    private static void report(String name, List<String> messages, Consumer<String> step) {
        long[] nanos = new long[messages.size()];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            step.accept(messages.get(i));
            nanos[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(nanos);
        System.out.printf("| %s | %.2f | %.2f |%n", name, percentile(nanos, 0.5), percentile(nanos, 0.99));
    }

    private static void throughput(
            List<String> messages,
            SentenceEmbedder embedder,
            IntentClassifier classifier,
            KnowledgeIndex index,
            int callers)
            throws Exception {
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            List<Future<?>> futures = new ArrayList<>();
            for (String message : messages) {
                futures.add(pool.submit(() -> understand(message, embedder, classifier, index)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%nembedding + intent + retrieval, %d concurrent callers: %.0f messages/s%n",
                callers, messages.size() / seconds);
    }

    private static double percentile(long[] sorted, double quantile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static long timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }
}
