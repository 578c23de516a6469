package io.hearth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.HearthApplication;
import io.hearth.catalog.CatalogManagement;
import io.hearth.platform.DatabaseSettings;
import io.hearth.recommendations.ModelSummary;
import io.hearth.recommendations.RecommendationManagement;
import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code hearth train recommendations} next to a running server, on the server's database. */
@HearthTest
class TrainRecommendationsCommandTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    DatabaseSettings database;

    @Autowired
    RecommendationManagement recommendations;

    @Autowired
    CatalogManagement catalog;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @Test
    void trainsAndStoresANewVersionThatTheServerCanRead() {
        TestTenant shop = tenants.create();
        Api api = new Api(port);
        for (int i = 0; i < 4; i++) {
            api.post("/v1/track", Api.basic(shop.writeKey()), """
                    {"userId": "u%d", "event": "Order Completed", "messageId": "%s",
                     "properties": {"order_id": "o%d", "products": [{"product_id": "a"}, {"product_id": "b%d"}]}}""".formatted(i, UUID.randomUUID(), i, i % 2));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> catalog.count(shop.id()) == 3);

        int exitCode = hearth("train", "recommendations", "--tenant", shop.id().toString());

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).contains("model version 1: 4 shoppers, 3 products", "ALS trained");
        assertThat(recommendations.modelHistory(shop.id()))
                .extracting(ModelSummary::version)
                .containsExactly(1L);
    }

    @Test
    void anUnknownTenantFailsAndABadOneIsAUsageError() {
        assertThat(hearth(
                        "train",
                        "recommendations",
                        "--tenant",
                        UUID.randomUUID().toString()))
                .isEqualTo(1);
        assertThat(hearth("train", "recommendations", "--tenant", "shop")).isEqualTo(2);
        assertThat(err.toString()).contains("no tenant", "--tenant must be a UUID");
    }

    private int hearth(String... args) {
        String[] withDataDir = new String[args.length + 2];
        System.arraycopy(args, 0, withDataDir, 0, args.length);
        withDataDir[args.length] = "--data-dir";
        withDataDir[args.length + 1] = database.dataDir().toString();
        return HearthCli.run(
                HearthApplication.class, new PrintWriter(out, true), new PrintWriter(err, true), withDataDir);
    }
}
