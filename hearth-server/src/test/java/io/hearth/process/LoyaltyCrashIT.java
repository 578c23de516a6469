package io.hearth.process;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Acknowledged ledger writes survive a kill -9: clients credit one member with keyed adjustments
 * while the server is killed; after the restart every acknowledged transaction is there, the
 * writes that were in flight are retried with their keys (answered once, never doubled), and the
 * balance is the sum of exactly one transaction per key, with a clean reconciliation.
 */
class LoyaltyCrashIT {

    private static final String MEMBER = "crash-member";
    private static final int CLIENTS = 4;

    @Test
    void everyAcknowledgedLedgerWriteSurvivesAKillAndRetriesAreNotDoubled() throws Exception {
        Path dataDir = Files.createTempDirectory("hearth-loyalty-crash");
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Set<String> inFlight = ConcurrentHashMap.newKeySet();
        AtomicBoolean sending = new AtomicBoolean(true);
        ServerProcess server = ServerProcess.start(dataDir, Map.of());
        Api api = new Api(server.port());
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            for (int client = 0; client < CLIENTS; client++) {
                int id = client;
                clients.submit(() -> creditUntilStopped(api, server.port(), id, sending, acknowledged, inFlight));
            }
            waitUntil(() -> acknowledged.size() >= 300);
            server.kill();
            sending.set(false);
        }
        Set<String> retried = new HashSet<>(inFlight);
        retried.removeAll(acknowledged.keySet());

        try (ServerProcess restarted = ServerProcess.start(dataDir, Map.of())) {
            Api after = new Api(restarted.port());
            Map<String, String> afterRestart = new ConcurrentHashMap<>();
            for (String key : retried) {
                Response answer = credit(after, restarted.port(), key);
                assertThat(answer.status()).isEqualTo(201);
                afterRestart.put(key, answer.json().get("transactionId").asString());
            }
            Set<String> stored = transactionIds(after);
            long available = after.get("/v1/loyalty/members/" + MEMBER, bearer(ServerProcess.ADMIN_KEY))
                    .json()
                    .get("balance")
                    .get("available")
                    .asLong();
            JsonNode reconciliation = after.post("/v1/loyalty/reconciliation", bearer(ServerProcess.ADMIN_KEY), "")
                    .json();

            System.out.printf(
                    "loyalty kill -9: %d acknowledged, %d in flight retried, %d stored after restart%n",
                    acknowledged.size(), retried.size(), stored.size());
            assertThat(stored).containsAll(acknowledged.values());
            assertThat(stored).hasSize(acknowledged.size() + retried.size());
            long expected = acknowledged.keySet().stream()
                            .mapToLong(LoyaltyCrashIT::points)
                            .sum()
                    + retried.stream().mapToLong(LoyaltyCrashIT::points).sum();
            assertThat(available).isEqualTo(expected);
            assertThat(reconciliation.get("differences").size()).isZero();
            assertThat(reconciliation.get("unbalancedTransactions").size()).isZero();
        }
    }

    private static void creditUntilStopped(
            Api api,
            int port,
            int client,
            AtomicBoolean sending,
            Map<String, String> acknowledged,
            Set<String> inFlight) {
        for (int n = 0; sending.get(); n++) {
            String key = "c" + client + "-" + n;
            inFlight.add(key);
            try {
                Response answer = credit(api, port, key);
                if (answer.status() == 201) {
                    acknowledged.put(key, answer.json().get("transactionId").asString());
                }
            } catch (RuntimeException connectionLost) {
                return;
            }
        }
    }

    private static Response credit(Api api, int port, String key) {
        String body = "{\"points\": " + points(key) + ", \"reason\": \"crash test\"}";
        return api.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/v1/loyalty/members/" + MEMBER + "/adjustments"))
                .header("Content-Type", "application/json")
                .header("Authorization", bearer(ServerProcess.ADMIN_KEY))
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static long points(String key) {
        return 1 + Math.floorMod(key.hashCode(), 7);
    }

    private static Set<String> transactionIds(Api api) {
        Set<String> ids = new HashSet<>();
        String before = "";
        while (true) {
            JsonNode page = api.get(
                            "/v1/loyalty/members/" + MEMBER + "/history?limit=500"
                                    + (before.isEmpty() ? "" : "&cursor=" + before),
                            bearer(ServerProcess.ADMIN_KEY))
                    .json();
            page.get("data")
                    .values()
                    .forEach(transaction ->
                            ids.add(transaction.get("transactionId").asString()));
            JsonNode next = page.get("next");
            if (next == null || next.isNull()) {
                return ids;
            }
            before = next.asString();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean())
                .as("enough writes acknowledged before the kill")
                .isTrue();
    }
}
