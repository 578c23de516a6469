package io.hearth.predictions;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.OrderImports;
import io.hearth.testing.SharedData;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The whole server path on real data: the CDNOW 1/10 cohort imported as orders, profiles built, the
 * tenant trained as of the end of the published calibration window (1997-09-30), and the stored CLV
 * version carries the published BG/NBD and Gamma-Gamma parameters. Skipped without ../shared/data.
 */
// A whole data set's import leaves listener work queued behind it; a context of its own keeps that
// backlog from delaying the test classes that share the next context.
@HearthTest
@DirtiesContext
class CdnowTrainingTest {

    private static final Instant CALIBRATION_END = Instant.parse("1997-09-30T23:59:59Z");

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    OrderImports imports;

    @Autowired
    PredictionManagement predictions;

    @TempDir
    Path files;

    @Test
    void theCohortTrainedThroughTheServerReproducesThePublishedParameters() throws IOException {
        Path sample = SharedData.file("cdnow/CDNOW_sample.txt");
        TestTenant shop = tenants.create();
        long orders = importAsOrders(shop, sample);

        long started = System.nanoTime();
        List<ModelVersion> versions = predictions.train(shop.id(), CALIBRATION_END, TrainingListener.NONE);
        double seconds = (System.nanoTime() - started) / 1e9;

        ModelVersion clv = versions.stream()
                .filter(v -> v.kind() == ModelKind.CLV)
                .findFirst()
                .orElseThrow();
        Map<String, Double> fitted = clv.parameters();
        System.out.printf(
                Locale.ROOT,
                "CDNOW cohort through the server: %,d orders, %d customers, %d repeat buyers, trained all kinds in %.2f s;"
                        + " %s; log-likelihood %.2f%n",
                orders,
                clv.customers(),
                clv.metrics().get("repeat_buyers").longValue(),
                seconds,
                fitted,
                clv.metrics().get("bgnbd_log_likelihood"));
        assertThat(clv.good()).isTrue();
        assertThat(clv.customers()).isEqualTo(2_357);
        assertThat(clv.windowEnd()).isEqualTo(CALIBRATION_END);
        assertThat(fitted.get("bgnbd_r")).isCloseTo(0.243, within(0.0005));
        assertThat(fitted.get("bgnbd_alpha")).isCloseTo(4.414, within(0.005));
        assertThat(fitted.get("bgnbd_a")).isCloseTo(0.793, within(0.0005));
        assertThat(fitted.get("bgnbd_b")).isCloseTo(2.426, within(0.005));
        assertThat(clv.metrics().get("bgnbd_log_likelihood")).isCloseTo(-9582.4, within(0.05));
        assertThat(clv.metrics().get("repeat_buyers")).isEqualTo(946.0);
        assertThat(fitted.get("gammagamma_p")).isCloseTo(6.25, within(0.005));
        assertThat(fitted.get("gammagamma_q")).isCloseTo(3.74, within(0.005));
        assertThat(fitted.get("gammagamma_gamma")).isCloseTo(15.44, within(0.05));

        Api api = new Api(port);
        String customer = api.get("/v1/customers/lookup?userId=0004", bearer(shop.adminKey()))
                .json()
                .get("customerId")
                .asString();
        assertChurnServedByTrees(versions, api, shop, customer);
        double[] medians = medianMillis(
                api, shop.adminKey(), "/v1/customers/" + customer, "/v1/customers/" + customer + "/predictions");
        System.out.printf(
                Locale.ROOT,
                "median of 200 interleaved GETs: profile %.2f ms (baseline), predictions %.2f ms%n",
                medians[0],
                medians[1]);
        assertThat(predictions
                        .forCustomer(shop.id(), io.hearth.shared.CustomerId.of(customer))
                        .probabilityAlive()
                        .orElseThrow()
                        .modelVersion())
                .isEqualTo("clv@1");
    }

    /** On real orders the boosted trees beat the rhythm rules out of fold and serve. */
    private static void assertChurnServedByTrees(
            List<ModelVersion> versions, Api api, TestTenant shop, String customer) {
        ModelVersion churn = versions.stream()
                .filter(v -> v.kind() == ModelKind.CHURN)
                .findFirst()
                .orElseThrow();
        System.out.printf(Locale.ROOT, "CDNOW churn version %s: %s%n", churn.codeVersion(), churn.metrics());
        assertThat(churn.good()).isTrue();
        assertThat(churn.codeVersion()).isEqualTo("xgboost-isotonic/1");
        assertThat(churn.metrics()).containsKeys("xgboost_auc", "xgboost_pr_auc", "xgboost_brier");
        // 0.72 measured out of fold; the folds follow random customer ids, so the bar leaves room for them.
        assertThat(churn.metrics().get("xgboost_auc")).isGreaterThan(0.65);
        JsonNode risk = api.get("/v1/customers/" + customer + "/predictions", bearer(shop.adminKey()))
                .json()
                .get("churnRisk");
        System.out.println("CDNOW customer 0004 churn risk: " + risk);
        assertThat(risk.get("modelVersion").asString()).isEqualTo(churn.id());
        PredictionsTest.assertServedByTrees(risk);
    }

    /**
     * Median latency of 200 calls of each path after 50 warm-up rounds, the paths alternating so that
     * background work (the import's rescoring) weighs on both alike.
     */
    private static double[] medianMillis(Api api, String key, String... paths) {
        double[][] millis = new double[paths.length][200];
        for (int i = -50; i < 200; i++) {
            for (int p = 0; p < paths.length; p++) {
                long started = System.nanoTime();
                assertThat(api.get(paths[p], bearer(key)).status()).isEqualTo(200);
                if (i >= 0) {
                    millis[p][i] = (System.nanoTime() - started) / 1e6;
                }
            }
        }
        double[] medians = new double[paths.length];
        for (int p = 0; p < paths.length; p++) {
            java.util.Arrays.sort(millis[p]);
            medians[p] = millis[p][100];
        }
        return medians;
    }

    /** The sample file (master id, cohort id, date, CDs, dollars) as Hearth's own order CSV. */
    private long importAsOrders(TestTenant shop, Path sample) throws IOException {
        StringBuilder csv = new StringBuilder(
                "order_id,customer_id,email,timestamp,product_id,sku,name,category,price,quantity,currency,total,status\n");
        List<String> lines = Files.readAllLines(sample);
        for (int i = 0; i < lines.size(); i++) {
            String[] fields = lines.get(i).trim().split("\\s+");
            String date = fields[2];
            String day = date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6, 8);
            csv.append(String.format(
                    Locale.ROOT,
                    "cdnow-%d,%s,,%sT00:00:00Z,cd,,,,,%s,USD,%s,%n",
                    i,
                    fields[1],
                    day,
                    fields[3],
                    fields[4]));
        }
        imports.importAndAwait(
                shop.id(),
                files.resolve("cdnow-sample.csv"),
                csv.toString(),
                "USD",
                1_000,
                lines.size(),
                Duration.ofMinutes(3));
        return lines.size();
    }
}
