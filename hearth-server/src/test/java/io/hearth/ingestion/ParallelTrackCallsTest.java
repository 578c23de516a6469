package io.hearth.ingestion;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Single calls arriving together share commits (group commit); each must still get its own answer:
 * stored once when acknowledged, a duplicate when its message id was sent before, a problem naming
 * the field when it is invalid.
 */
@HearthTest
class ParallelTrackCallsTest {

    private static final int DISTINCT = 240;
    private static final int REPEATED = 20;
    private static final int COPIES = 3;
    private static final int INVALID = 20;

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Test
    void everyAcknowledgedCallIsStoredExactlyOnceAndEveryCallGetsItsOwnAnswer() throws Exception {
        Api api = new Api(port);
        TestTenant shop = tenants.create();
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < DISTINCT; i++) {
            calls.add(new Call("distinct-" + i, valid("distinct-" + i)));
        }
        for (int i = 0; i < REPEATED; i++) {
            for (int copy = 0; copy < COPIES; copy++) {
                calls.add(new Call("repeated-" + i, valid("repeated-" + i)));
            }
        }
        for (int i = 0; i < INVALID; i++) {
            calls.add(new Call("invalid-" + i, """
                    {"userId":"u-%d","messageId":"invalid-%d","properties":{}}""".formatted(i, i)));
        }
        java.util.Collections.shuffle(calls, new java.util.Random(7));

        List<Future<Response>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(32)) {
            for (Call call : calls) {
                answers.add(clients.submit(() -> api.post("/v1/track", basic(shop.writeKey()), call.body())));
            }
        }

        Map<String, Integer> accepted = new HashMap<>();
        Map<String, Integer> duplicates = new HashMap<>();
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            Response answer = answers.get(i).get();
            if (call.messageId().startsWith("invalid-")) {
                assertThat(answer.status()).as(answer.body()).isEqualTo(400);
                assertThat(answer.body()).contains("/event");
                continue;
            }
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            accepted.merge(call.messageId(), answer.json().get("accepted").asInt(), Integer::sum);
            duplicates.merge(call.messageId(), answer.json().get("duplicates").asInt(), Integer::sum);
        }
        Map<String, Integer> stored = storedCopies(api, shop);

        assertThat(stored)
                .hasSize(DISTINCT + REPEATED)
                .allSatisfy((id, copies) -> assertThat(copies).isEqualTo(1));
        assertThat(accepted)
                .hasSize(DISTINCT + REPEATED)
                .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
        assertThat(duplicates)
                .allSatisfy(
                        (id, count) -> assertThat(count).as(id).isEqualTo(id.startsWith("repeated-") ? COPIES - 1 : 0));
    }

    private static String valid(String messageId) {
        return """
                {"userId":"u-%s","event":"Product Viewed","messageId":"%s","properties":{"product_id":"p1","price":"9.90"}}""".formatted(messageId, messageId);
    }

    private static Map<String, Integer> storedCopies(Api api, TestTenant shop) {
        Map<String, Integer> copies = new HashMap<>();
        JsonNode page = api.get("/v1/events?type=track&limit=1000", bearer(shop.adminKey()))
                .json();
        assertThat(page.get("next") == null || page.get("next").isNull()).isTrue();
        for (JsonNode event : page.get("data").values()) {
            copies.merge(event.get("messageId").asString(), 1, Integer::sum);
        }
        return copies;
    }

    private record Call(String messageId, String body) {}
}
