package io.hearth.process;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Acknowledged means durable: the server is killed with SIGKILL in the middle of a stream of
 * batches and of single calls (which share commits), restarted on the same data, and every event
 * that got a 200 is there exactly once.
 */
class CrashRecoveryIT {

    private static final int EVENTS_PER_BATCH = 50;
    private static final int SINGLE_CLIENTS = 8;

    @Test
    void everyAcknowledgedBatchSurvivesAKillExactlyOnce() throws Exception {
        Path dataDir = Files.createTempDirectory("hearth-crash");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> acknowledgedSingles = ConcurrentHashMap.newKeySet();
        AtomicBoolean sending = new AtomicBoolean(true);
        ServerProcess server = ServerProcess.start(dataDir, Map.of());
        Api api = new Api(server.port());
        try (ExecutorService clients = Executors.newFixedThreadPool(4 + SINGLE_CLIENTS)) {
            for (int client = 0; client < 4; client++) {
                int id = client;
                clients.submit(() -> sendUntilStopped(api, id, sending, acknowledged));
            }
            for (int client = 0; client < SINGLE_CLIENTS; client++) {
                int id = client;
                clients.submit(() -> trackUntilStopped(api, id, sending, acknowledgedSingles));
            }
            try {
                waitUntil(() -> acknowledged.size() >= 40 * EVENTS_PER_BATCH && acknowledgedSingles.size() >= 100);
            } finally {
                server.kill();
                sending.set(false);
            }
        }
        acknowledged.addAll(acknowledgedSingles);
        int acknowledgedBeforeCrash = acknowledged.size();

        try (ServerProcess restarted = ServerProcess.start(dataDir, Map.of())) {
            Map<String, Integer> stored = storedMessageIds(new Api(restarted.port()));

            System.out.printf(
                    "acknowledged before kill -9: %d events (%d of them single calls); stored after restart: %d%n",
                    acknowledgedBeforeCrash, acknowledgedSingles.size(), stored.size());
            assertThat(stored.keySet()).containsAll(acknowledged);
            assertThat(stored.values()).allMatch(copies -> copies == 1);
        }
    }

    private static void sendUntilStopped(Api api, int client, AtomicBoolean sending, Set<String> acknowledged) {
        for (int batch = 0; sending.get(); batch++) {
            List<String> ids = new ArrayList<>();
            StringBuilder body = new StringBuilder("{\"batch\":[");
            for (int i = 0; i < EVENTS_PER_BATCH; i++) {
                String messageId = "c" + client + "-b" + batch + "-e" + i;
                ids.add(messageId);
                body.append(i == 0 ? "" : ",")
                        .append("{\"type\":\"track\",\"event\":\"Crash Test\",\"userId\":\"u")
                        .append(i)
                        .append("\",\"messageId\":\"")
                        .append(messageId)
                        .append("\"}");
            }
            try {
                Response answer = api.post(
                        "/v1/batch",
                        basic(ServerProcess.WRITE_KEY),
                        body.append("]}").toString());
                if (answer.status() == 200) {
                    acknowledged.addAll(ids);
                }
            } catch (RuntimeException connectionLost) {
                return;
            }
        }
    }

    private static void trackUntilStopped(Api api, int client, AtomicBoolean sending, Set<String> acknowledged) {
        for (int call = 0; sending.get(); call++) {
            String messageId = "s" + client + "-" + call;
            try {
                Response answer = api.post(
                        "/v1/track",
                        basic(ServerProcess.WRITE_KEY),
                        "{\"event\":\"Crash Test\",\"userId\":\"s" + client + "\",\"messageId\":\"" + messageId
                                + "\"}");
                if (answer.status() == 200) {
                    acknowledged.add(messageId);
                }
            } catch (RuntimeException connectionLost) {
                return;
            }
        }
    }

    private static Map<String, Integer> storedMessageIds(Api api) {
        Map<String, Integer> copies = new HashMap<>();
        String cursor = "";
        do {
            JsonNode page = api.get(
                            "/v1/events?type=track&limit=1000" + (cursor.isEmpty() ? "" : "&cursor=" + cursor),
                            bearer(ServerProcess.ADMIN_KEY))
                    .json();
            for (JsonNode event : page.get("data").values()) {
                copies.merge(event.get("messageId").asString(), 1, Integer::sum);
            }
            JsonNode next = page.get("next");
            cursor = next == null || next.isNull() ? "" : next.asString();
        } while (!cursor.isEmpty());
        return Collections.unmodifiableMap(copies);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean())
                .as("enough batches acknowledged before the kill")
                .isTrue();
    }
}
