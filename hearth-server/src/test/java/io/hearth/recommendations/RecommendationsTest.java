package io.hearth.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.privacy.Channel;
import io.hearth.privacy.ConsentChange;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.privacy.Purpose;
import io.hearth.profiles.ProfileManagement;
import io.hearth.recommendations.internal.ServedLog;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The recommendations API over a real server, database and event pipeline, trained on a small shop. */
@HearthTest
class RecommendationsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    ProfileManagement profiles;

    @Autowired
    PrivacyManagement privacy;

    @Autowired
    RecommendationManagement recommendations;

    @Autowired
    ServedLog served;

    @Autowired
    JdbcClient jdbc;

    Api api;
    TestTenant shop;
    ShopStory story;
    CustomerId ada;

    @BeforeEach
    void openShop() {
        api = new Api(port);
        shop = tenants.create();
        story = new ShopStory(api, shop, profiles);
        ada = story.open();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> recommendations.currentModel(shop.id()).items() == 12);
    }

    @Test
    void beforeAnyTrainingTheSlateIsFullFromPopularityAndAfterTheScheduledTrainingItIsPersonal() {
        JsonNode before = slate(ada, "n=6");
        assertThat(before.path("modelVersion").asLong()).isZero();
        assertThat(before.path("items")).hasSize(6);

        assertThat(api.post("/v1/recommendations/train", admin(), "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/v1/recommendations/model", admin())
                                .json()
                                .path("current")
                                .path("version")
                                .asLong()
                        == 1);
        JsonNode after = slate(ada, "n=6");

        assertThat(after.path("modelVersion").asLong()).isEqualTo(1);
        assertThat(after.path("personalized").asBoolean()).isTrue();
        assertThat(after.path("items")).hasSize(6);
        assertThat(ShopStory.products(after)).contains("filter").doesNotContain("grinder");
        assertThat(ShopStory.strategies(after)).containsAnyOf("FACTORS", "BOUGHT_TOGETHER");
        assertThat(after.path("items").get(0).path("reason").asString()).isNotBlank();
    }

    @Test
    void aServedVersionReadsTheCatalogueAheadOfItsFirstSlate() {
        assertThat(memory().path("catalogueProducts").asInt()).isZero();

        train();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> memory().path("catalogueProducts").asInt() == 12);
    }

    private JsonNode memory() {
        return api.get("/v1/recommendations/model", admin()).json().path("memory");
    }

    @Test
    void ownedItemsStayOutUnlessReplenishableAndOutOfStockItemsLeaveTheNextSlate() {
        train();
        List<String> first = ShopStory.products(slate(ada, "n=11"));
        api.put("/v1/products/filter", admin(), "{\"inStock\": false}");
        List<String> second = ShopStory.products(slate(ada, "n=11"));

        assertThat(first).contains("beans", "filter").doesNotContain("grinder").hasSize(11);
        assertThat(second).doesNotContain("filter", "grinder").hasSize(10);
    }

    @Test
    void aViewInTheSessionMovesRelatedItemsUpWithoutRetraining() {
        train();
        List<String> before = ShopStory.products(slate(ada, "n=4"));
        story.send(List.of(ShopStory.track("ada", "Product Viewed", "teapot", "")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ShopStory.strategies(slate(ada, "n=4")).contains("SESSION"));
        JsonNode after = slate(ada, "n=4");

        assertThat(recommendations.currentModel(shop.id()).version()).isEqualTo(1);
        assertThat(before).doesNotContain("green-tea");
        assertThat(ShopStory.products(after)).containsAnyOf("green-tea", "mug", "black-tea", "biscuits");
        assertThat(after.path("items").get(0).path("reason").asString()).contains("Teapot");
    }

    @Test
    void withoutThePersonalizationPurposeTheSlateIsPopularityOnly() {
        train();
        privacy.recordConsent(
                shop.id(),
                new ConsentChange(ada, Purpose.PERSONALIZATION, Channel.ANY, false, "test", Instant.now(), null));
        JsonNode slate = slate(ada, "n=5");
        JsonNode everything = slate(ada, "n=12");

        assertThat(slate.path("personalized").asBoolean()).isFalse();
        assertThat(ShopStory.strategies(slate)).containsOnly("POPULARITY");
        // her history is not read, so even what she owns may come back
        assertThat(ShopStory.products(everything)).hasSize(12).contains("grinder");
    }

    @Test
    void anItemShownFiveTimesWithoutEngagementIsDroppedAndAClickBringsItBack() {
        train();
        JsonNode first = slate(ada, "n=1");
        String top = ShopStory.products(first).getFirst();
        for (int i = 0; i < 4; i++) {
            slate(ada, "n=1");
        }
        served.flush();
        JsonNode tired = slate(ada, "n=1");
        String rid = first.path("recommendationId").asString();
        story.send(List.of(ShopStory.track("ada", "Product Clicked", top, ", \"recommendation_id\": \"" + rid + "\"")));

        assertThat(ShopStory.products(tired)).doesNotContain(top);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ShopStory.products(slate(ada, "n=1")).contains(top));
    }

    @Test
    void clicksAndPurchasesThatComeBackWithTheRecommendationIdAreAttributedPerStrategy() {
        train();
        JsonNode slate = slate(ada, "n=3");
        served.flush();
        String id = slate.path("recommendationId").asString();
        JsonNode first = slate.path("items").get(0);
        String product = first.path("productId").asString();
        String clickProperties = ", \"recommendation_id\": \"" + id + "\"";
        String click = ShopStory.track("ada", "Product Clicked", product, clickProperties);
        String order = ShopStory.order("ada", product)
                .replace("\"currency\"", "\"recommendation_id\": \"" + id + "\", \"currency\"");
        story.send(List.of(click, click.replaceFirst("\"messageId\": \"[^\"]+\"", "\"messageId\": \"again\""), order));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> conversions(first.path("strategy").asString()) == 1);
        JsonNode row = performance(first.path("strategy").asString());

        assertThat(row.path("impressions").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(row.path("clicks").asLong()).isEqualTo(1);
        assertThat(row.path("clickThroughRate").asDouble()).isPositive();
    }

    @Test
    void productPagesGetSimilarAndBoughtTogetherSlates() {
        train();
        JsonNode together =
                api.get("/v1/products/grinder/bought-together?n=3", admin()).json();
        JsonNode similar = api.get("/v1/products/teapot/similar?n=3", admin()).json();

        assertThat(ShopStory.products(together))
                .contains("filter")
                .doesNotContain("grinder")
                .hasSize(3);
        assertThat(together.path("items").get(0).path("strategy").asString()).isEqualTo("BOUGHT_TOGETHER");
        assertThat(ShopStory.products(similar))
                .containsAnyOf("green-tea", "mug")
                .doesNotContain("teapot");
    }

    @Test
    void batchGenerationForEmailAnswersEachKnownCustomer() {
        train();
        List<CustomerId> customers = List.of(ada, story.customer("tea-1"), CustomerId.of("nobody"));
        List<Slate> slates = recommendations.forCustomers(shop.id(), customers, "email", 4);

        assertThat(slates)
                .hasSize(2)
                .allSatisfy(slate -> assertThat(slate.items()).hasSize(4));
        assertThat(slates).extracting(Slate::surface).containsOnly("email");
    }

    @Test
    void badParametersAreNamedAndUnknownIdsAre404() {
        Api.Response badN = api.get("/v1/customers/" + ada + "/recommendations?n=0", admin());
        Api.Response badContext = api.get("/v1/customers/" + ada + "/recommendations?context=weather:rain", admin());
        Api.Response unknownCustomer = api.get("/v1/customers/nobody/recommendations", admin());
        Api.Response unknownProduct = api.get("/v1/products/nothing/similar", admin());

        assertThat(badN.status()).isEqualTo(400);
        assertThat(badN.body()).contains("\"pointer\":\"n\"");
        assertThat(badContext.status()).isEqualTo(400);
        assertThat(badContext.body()).contains("\"pointer\":\"context\"");
        assertThat(unknownCustomer.status()).isEqualTo(404);
        assertThat(unknownCustomer.json().path("code").asString()).isEqualTo("recommendations.unknown-customer");
        assertThat(unknownProduct.status()).isEqualTo(404);
    }

    @Test
    void aNewVersionIsSwappedInWhileRequestsKeepBeingServed() throws Exception {
        train();
        List<Integer> statuses = new ArrayList<>();
        Thread load = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 40; i++) {
                statuses.add(api.get("/v1/customers/" + ada + "/recommendations?n=5", admin())
                        .status());
            }
        });
        ModelSummary second = recommendations.train(shop.id(), TrainingProgress.NONE);
        load.join();

        assertThat(second.version()).isEqualTo(2);
        assertThat(statuses).hasSize(40).containsOnly(200);
        assertThat(slate(ada, "n=3").path("modelVersion").asLong()).isEqualTo(2);
        assertThat(recommendations.modelHistory(shop.id()))
                .extracting(ModelSummary::version)
                .containsExactly(2L, 1L);
    }

    @Test
    void everySlateServedUnderConcurrentLoadLandsWithItsImpressionsAndDecision() throws Exception {
        train();
        CustomerId tea = story.customer("tea-1");
        List<JsonNode> slates = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService clients = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 60; i++) {
                CustomerId who = i % 2 == 0 ? ada : tea;
                clients.submit(() -> slates.add(slate(who, "n=3")));
            }
        }
        served.flush();
        long shown =
                slates.stream().mapToLong(slate -> slate.path("items").size()).sum();

        assertThat(slates).hasSize(60);
        assertThat(count("select count(*) from recommendations_served")).isEqualTo(60);
        assertThat(count("select coalesce(sum(value::int), 0) from recommendations_fatigue, jsonb_each_text(shown)"))
                .isEqualTo(shown);
        assertThat(privacy.decisions(shop.id(), ada, 500, null).decisions())
                .filteredOn(decision -> decision.type().equals("recommendation.served"))
                .hasSize(30);
        assertThat(privacy.verifyChain(shop.id()).firstBroken()).isNull();
    }

    @Test
    void aWithdrawnConsentReachesTheVeryNextSlateThoughTheCustomerIsRemembered() {
        train();
        assertThat(slate(ada, "n=3").path("personalized").asBoolean()).isTrue();
        privacy.recordConsent(
                shop.id(),
                new ConsentChange(ada, Purpose.PERSONALIZATION, Channel.ANY, false, "test", Instant.now(), null));
        assertThat(slate(ada, "n=3").path("personalized").asBoolean()).isFalse();
        privacy.recordConsent(
                shop.id(),
                new ConsentChange(
                        ada,
                        Purpose.PERSONALIZATION,
                        Channel.ANY,
                        true,
                        "test",
                        Instant.now().plusSeconds(1),
                        null));
        assertThat(slate(ada, "n=3").path("personalized").asBoolean()).isTrue();
    }

    @Test
    void anAnonymousVisitorGetsSessionNeighboursOfWhatTheyViewedAndAFullSlateEitherWay() {
        train();
        String visitor = "visitor-" + UUID.randomUUID();
        JsonNode cold = visitorSlate(visitor, "n=5");
        story.send(List.of(ShopStory.track("x", "Product Viewed", "teapot", "")
                .replace("\"userId\": \"x\"", "\"anonymousId\": \"" + visitor + "\"")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ShopStory.strategies(visitorSlate(visitor, "n=5")).contains("SESSION"));
        JsonNode warm = visitorSlate(visitor, "n=5");

        assertThat(cold.path("items")).hasSize(5);
        assertThat(ShopStory.strategies(cold)).doesNotContain("SESSION");
        assertThat(warm.path("items")).hasSize(5);
        assertThat(warm.hasNonNull("customerId")).isFalse();
        assertThat(ShopStory.products(warm)).containsAnyOf("green-tea", "mug", "black-tea", "biscuits");
        assertThat(StreamSupport.stream(warm.path("items").spliterator(), false)
                        .filter(item -> item.path("strategy").asString().equals("SESSION"))
                        .map(item -> item.path("reason").asString()))
                .allMatch(reason -> reason.contains("Teapot"));
    }

    @Test
    void trainingLearnsTheBlendOnTheNewestPurchasesAndServesWithIt() {
        TestTenant pairs = tenants.create();
        ShopStory pairStory = new ShopStory(api, pairs, profiles);
        List<String> events = new ArrayList<>();
        Instant now = Instant.now();
        for (int pair = 0; pair < 10; pair++) {
            for (int buyer = 0; buyer < 8; buyer++) {
                String who = "pair-" + pair + "-" + buyer;
                Instant first = now.minus(Duration.ofDays(20)).plus(Duration.ofMinutes(pair * 8L + buyer));
                Instant second = now.minus(Duration.ofDays(2)).plus(Duration.ofMinutes(pair * 8L + buyer));
                events.add(timed(ShopStory.order(who, "first-" + pair), first));
                events.add(timed(ShopStory.order(who, "then-" + pair), second));
            }
        }
        events.add(ShopStory.order("newcomer", "first-3"));
        pairStory.send(events);
        CustomerId newcomer = pairStory.customer("newcomer");

        ModelSummary model = recommendations.train(pairs.id(), TrainingProgress.NONE);
        JsonNode slate = api.get("/v1/customers/" + newcomer + "/recommendations?n=3", Api.bearer(pairs.adminKey()))
                .json();
        JsonNode served = api.get("/v1/recommendations/model", Api.bearer(pairs.adminKey()))
                .json()
                .path("current")
                .path("blendWeights");

        assertThat(model.blendWeights()).containsOnlyKeys("factors", "bought-together", "popularity");
        assertThat(model.blendWeights().values()).allMatch(weight -> weight >= 0 && weight <= 0.9);
        assertThat(model.blendWeights().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .max())
                .hasValueCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(served.path("bought-together").asDouble())
                .isEqualTo(model.blendWeights().get("bought-together"));
        assertThat(model.interactions()).isEqualTo(161);
        assertThat(ShopStory.products(slate).getFirst()).isEqualTo("then-3");
    }

    private static String timed(String event, Instant at) {
        return event.replaceFirst("\\{", "{\"timestamp\": \"" + at + "\", ");
    }

    private JsonNode visitorSlate(String visitor, String query) {
        Api.Response response = api.get("/v1/visitors/" + visitor + "/recommendations?" + query, admin());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private long count(String sql) {
        return TenantContext.call(
                shop.id(),
                () -> jdbc.sql(sql + " where tenant_id = :tenant")
                        .param("tenant", shop.id().value())
                        .query(Long.class)
                        .single());
    }

    private void train() {
        ModelSummary model = recommendations.train(shop.id(), TrainingProgress.NONE);
        assertThat(model.factorized()).isTrue();
    }

    private JsonNode slate(CustomerId customer, String query) {
        Api.Response response = api.get("/v1/customers/" + customer + "/recommendations?" + query, admin());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private long conversions(String strategy) {
        return performance(strategy).path("conversions").asLong();
    }

    private JsonNode performance(String strategy) {
        for (JsonNode row :
                api.get("/v1/recommendations/performance", admin()).json().path("data")) {
            if (row.path("strategy").asString().equals(strategy)) {
                return row;
            }
        }
        return api.get("/v1/recommendations/performance", admin()).json().path("missing");
    }

    private String admin() {
        return Api.bearer(shop.adminKey());
    }
}
