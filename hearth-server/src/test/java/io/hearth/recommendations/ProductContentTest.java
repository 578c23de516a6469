package io.hearth.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Content similarity from the products' own text (the in-process sentence embedder): the coffee shop
 * of {@link ShopStory} adds a dark roast and a sencha that nobody has bought or viewed yet.
 */
@HearthTest
class ProductContentTest {

    private static final String NEW_PRODUCTS = """
            {"products": [
              {"productId": "roast", "name": "Dark roast espresso beans", "brand": "Hearth Roasters", "category": "coffee"},
              {"productId": "sencha", "name": "Japanese sencha green tea", "category": "tea"}]}""";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    ProfileManagement profiles;

    @Autowired
    RecommendationManagement recommendations;

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
        api.post("/v1/products", admin(), NEW_PRODUCTS);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> recommendations.currentModel(shop.id()).items() == 12);
    }

    @Test
    void aProductNobodyBoughtHasSimilarProductsAndIsSimilarToThoseDescribedLikeIt() {
        ModelSummary model = recommendations.train(shop.id(), TrainingProgress.NONE);

        assertThat(model.describedItems()).isEqualTo(14);
        assertThat(model.items()).isEqualTo(14);
        JsonNode likeRoast = api.get("/v1/products/roast/similar?n=3", admin()).json();
        assertThat(ShopStory.products(likeRoast).getFirst()).isIn("beans", "decaf");
        assertThat(likeRoast.path("items").get(0).path("strategy").asString()).isEqualTo("CONTENT");
        assertThat(likeRoast.path("items").get(0).path("reason").asString())
                .isEqualTo("described like Dark roast espresso beans");
        JsonNode likeSencha =
                api.get("/v1/products/sencha/similar?n=3", admin()).json();
        assertThat(ShopStory.products(likeSencha)).contains("green-tea").doesNotContain("beans", "roast");

        JsonNode likeBeans = api.get("/v1/products/beans/similar?n=6", admin()).json();
        int roast = ShopStory.products(likeBeans).indexOf("roast");
        assertThat(roast).as(likeBeans.toString()).isNotNegative();
        assertThat(ShopStory.strategies(likeBeans).get(roast)).isEqualTo("CONTENT");
        assertThat(ShopStory.products(likeBeans)).doesNotContain("sencha");
    }

    @Test
    void aNewProductIsRecommendedByTasteNotAsFiller() {
        recommendations.train(shop.id(), TrainingProgress.NONE);
        CustomerId coffeeDrinker = story.customer("coffee-1");

        JsonNode slate = slate(coffeeDrinker);

        // Without a description a product nobody bought only ever fills a slate (strategy CATALOG);
        // its factors, placed among the products described like it, make it a taste match.
        int roast = ShopStory.products(slate).indexOf("roast");
        assertThat(roast).as(slate.toString()).isNotNegative();
        assertThat(ShopStory.strategies(slate).get(roast)).isEqualTo("FACTORS");
    }

    @Test
    void aProductAddedAfterTrainingGetsProductsDescribedLikeItOnItsFirstPage() {
        recommendations.train(shop.id(), TrainingProgress.NONE);
        api.post("/v1/products", admin(), """
                {"products": [{"productId": "oolong", "name": "Taiwanese oolong tea", "category": "tea"}]}""");

        JsonNode similar = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> api.get("/v1/products/oolong/similar?n=3", admin())
                                .json(),
                        slate -> ShopStory.strategies(slate).contains("CONTENT"));

        assertThat(ShopStory.strategies(similar).getFirst()).isEqualTo("CONTENT");
        assertThat(ShopStory.products(similar).getFirst())
                .as(similar.toString())
                .isIn("green-tea", "black-tea", "sencha");
        assertThat(similar.path("items").get(0).path("reason").asString())
                .isEqualTo("described like Taiwanese oolong tea");
    }

    @Test
    void aViewedProductBringsProductsDescribedLikeItIntoTheSessionSlate() {
        recommendations.train(shop.id(), TrainingProgress.NONE);

        JsonNode slate = api.get("/v1/customers/" + ada + "/recommendations?n=5&context=product:sencha", admin())
                .json();

        assertThat(ShopStory.products(slate)).as(slate.toString()).contains("green-tea");
        assertThat(slate.toString()).contains("described like Japanese sencha green tea");
    }

    @Test
    void retrainingEmbedsOnlyProductsWhoseTextChanged() {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        List<String> third = new ArrayList<>();

        recommendations.train(shop.id(), contentSteps(first));
        recommendations.train(shop.id(), contentSteps(second));
        api.post("/v1/products", admin(), """
                {"products": [{"productId": "roast", "name": "Dark roast espresso beans, 1 kg",
                  "brand": "Hearth Roasters", "category": "coffee"}]}""");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<String> steps = new ArrayList<>();
            recommendations.train(shop.id(), contentSteps(steps));
            third.clear();
            third.addAll(steps);
            return steps.getFirst().endsWith("1 embedded");
        });

        assertThat(first).containsExactly("14 products described, 14 embedded");
        assertThat(second).containsExactly("14 products described, 0 embedded");
        assertThat(third).containsExactly("14 products described, 1 embedded");
    }

    private static TrainingProgress contentSteps(List<String> details) {
        return new TrainingProgress() {
            @Override
            public void step(String name, String detail) {
                if (name.equals("content")) {
                    details.add(detail);
                }
            }
        };
    }

    private JsonNode slate(CustomerId customer) {
        Api.Response response = api.get("/v1/customers/" + customer + "/recommendations?n=14", admin());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String admin() {
        return Api.bearer(shop.adminKey());
    }
}
