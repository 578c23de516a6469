package io.hearth.messaging;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Copy variants from a catalog product; generation is off in tests, so the templates answer. */
@HearthTest
class CopyApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Test
    void aProductsBlurbVariantsComeFromItsCatalogDataAndBadRequestsNameTheField() {
        Api api = new Api(port);
        TestTenant shop = tenants.create();
        api.post("/v1/products", bearer(shop.adminKey()), """
                {"products": [{"productId": "kettle", "name": "Gooseneck kettle", "category": "kitchen",
                  "brand": "Hearth", "price": 64, "currency": "EUR"}]}""");

        Response blurbs = api.post(
                "/v1/messaging/copy",
                bearer(shop.adminKey()),
                "{\"kind\": \"blurb\", \"productId\": \"kettle\", \"count\": 2}");
        Response unknown = api.post(
                "/v1/messaging/copy", bearer(shop.adminKey()), "{\"kind\": \"blurb\", \"productId\": \"nope-42\"}");
        Response badKind = api.post(
                "/v1/messaging/copy", bearer(shop.adminKey()), "{\"kind\": \"poem\", \"facts\": {\"name\": \"x\"}}");

        assertThat(blurbs.status()).as(blurbs.body()).isEqualTo(200);
        assertThat(blurbs.json().get("variants").get(0).get("text").asString())
                .isEqualTo("Gooseneck kettle by Hearth from our kitchen range.");
        assertThat(blurbs.json().get("variants").get(1).get("text").asString())
                .isEqualTo("Meet Gooseneck kettle by Hearth for 64.00 EUR.");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).doesNotContain("nope-42");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().get("errors").get(0).get("pointer").asString())
                .isEqualTo("/kind");
    }
}
