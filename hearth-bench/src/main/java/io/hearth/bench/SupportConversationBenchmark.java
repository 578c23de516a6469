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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer message answered by the support assistant over HTTP (the packaged server in its own
 * process: reading, automation or knowledge answer, storage, decision log), against the baseline of
 * the same understanding step in process (embed, classify, hybrid search with the same model and
 * article), measured in the same run on the same messages.
 *
 * <p>CPU per message is the server's and its database's CPU time over the timed messages, less that
 * of as many conversation starts measured on their own, per message; the baseline's is this JVM's
 * over the in-process loop.
 *
 * <pre>hearth-bench: SupportConversationBenchmark [server jar] [messages] [flight recording file]</pre>
 */
public final class SupportConversationBenchmark {

    private static final Path INTENTS = Path.of("hearth-server/src/main/resources/support/default-intents.csv");
    private static final String ARTICLE = "# Shipping\n\n## Delivery times\n\nStandard delivery takes 2 to 4 working"
            + " days.\n\n## Payment\n\nWe accept Visa, Mastercard, PayPal and Klarna.";
    private static final int WARM_UP = 50;
    private static final Pattern ID = Pattern.compile("\"conversationId\":\"([0-9a-f-]+)\"");

    private SupportConversationBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "hearth-server/target/hearth-server.jar");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        List<IntentExample> examples = IntentCsv.parse(Files.readString(INTENTS));
        List<String> messages = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> examples.get(i * 7 % examples.size()).utterance())
                .toList();
        double[] inProcessCpuMs = new double[1];
        long[] inProcess = inProcess(examples, messages, inProcessCpuMs);
        Path runDir = Files.createTempDirectory("hearth-bench-support");
        // a third argument, e.g. /tmp/support.jfr, records the server with Flight Recorder
        String jfr = args.length > 2 ? args[2] : null;
        Map<String, String> environment = jfr == null
                ? Map.of()
                : Map.of("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        try (ServerUnderTest server = ServerUnderTest.start(jar, runDir.resolve("support"), "2g", environment)) {
            HttpClient http = HttpClient.newHttpClient();
            send(
                    http,
                    server,
                    "PUT",
                    "/v1/support/admin/articles/shipping",
                    "{\"title\":\"Shipping\",\"source\":" + "\"/help/shipping\",\"format\":\"markdown\",\"body\":\""
                            + ARTICLE.replace("\n", "\\n") + "\"}");
            long cold = timedMessage(http, server, "where is my order");
            for (int i = 0; i < WARM_UP; i++) {
                timedMessage(http, server, messages.get(i));
            }
            double startsCpu = server.cpuSeconds();
            for (int i = 0; i < messages.size(); i++) {
                start(http, server);
            }
            startsCpu = server.cpuSeconds() - startsCpu;
            long[] overHttp = new long[messages.size()];
            double turnsCpu = server.cpuSeconds();
            for (int i = 0; i < messages.size(); i++) {
                overHttp[i] = timedMessage(http, server, messages.get(i));
            }
            turnsCpu = server.cpuSeconds() - turnsCpu - startsCpu;
            Arrays.sort(overHttp);
            System.out.printf(
                    "%n| per customer message, one caller (%d messages) | p50 ms | p99 ms | CPU ms |%n|---|---|---|---|%n",
                    messages.size());
            System.out.printf(
                    "| in process: embed + classify + hybrid search (baseline) | %.2f | %.2f | %.2f |%n",
                    ms(inProcess, 0.5), ms(inProcess, 0.99), inProcessCpuMs[0]);
            System.out.printf(
                    "| POST /v1/support/conversations/{id}/messages (server + database) | %.2f | %.2f | %.2f |%n",
                    ms(overHttp, 0.5), ms(overHttp, 0.99), turnsCpu * 1000 / messages.size());
            System.out.printf(
                    "first message after start (loads the embedder, trains the default model): %.1f s%n", cold / 1e9);
        }
    }

    /** Latencies sorted; {@code cpuMs[0]} gets the CPU milliseconds per message of this JVM. */
    private static long[] inProcess(List<IntentExample> examples, List<String> messages, double[] cpuMs) {
        try (SentenceEmbedder embedder = SentenceEmbedder.load(1)) {
            IntentClassifier classifier = new IntentTrainer(embedder).train(examples, IntentSettings.defaults());
            Article article = new Article("shipping", "Shipping", "/help/shipping", ARTICLE, ArticleFormat.MARKDOWN);
            try (KnowledgeIndex index =
                    KnowledgeIndex.build(PassageChunker.defaults().chunk(article), embedder)) {
                messages.stream().limit(WARM_UP).forEach(embedder::embed);
                long[] nanos = new long[messages.size()];
                long cpu = CpuTime.process();
                for (int i = 0; i < messages.size(); i++) {
                    long start = System.nanoTime();
                    float[] vector = embedder.embed(messages.get(i));
                    classifier.classify(messages.get(i), vector);
                    index.search(messages.get(i), vector, 3, RetrievalMode.HYBRID);
                    nanos[i] = System.nanoTime() - start;
                }
                cpuMs[0] = (CpuTime.process() - cpu) / 1e6 / messages.size();
                Arrays.sort(nanos);
                return nanos;
            }
        }
    }

    /** A fresh anonymous conversation per message, so earlier answers never change the path taken. */
    private static long timedMessage(HttpClient http, ServerUnderTest server, String text) throws Exception {
        String conversation = start(http, server);
        long start = System.nanoTime();
        send(
                http,
                server,
                "POST",
                "/v1/support/conversations/" + conversation + "/messages",
                "{\"text\":\"" + text.replace("\"", "\\\"") + "\"}");
        return System.nanoTime() - start;
    }

    private static String start(HttpClient http, ServerUnderTest server) throws Exception {
        Matcher id = ID.matcher(send(http, server, "POST", "/v1/support/conversations", "{\"channel\":\"chat\"}"));
        if (!id.find()) {
            throw new IllegalStateException("no conversation id");
        }
        return id.group(1);
    }

    private static String send(HttpClient http, ServerUnderTest server, String method, String path, String body)
            throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + ServerUnderTest.ADMIN_KEY)
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
