package io.hearth.loyalty;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Vouchers at checkout: unique codes, every rule named when it fails, limits that hold under races. */
@HearthTest
class VoucherTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    Api api;
    TestTenant shop;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = tenants.create();
    }

    @Test
    void aBatchOfCodesIsUniqueAndEachValidatesAgainstTheBasket() {
        Response created = api.post("/v1/loyalty/vouchers", admin(), """
                {"prefix": "SPRING-", "count": 50, "kind": "PERCENT", "value": 15, "minBasket": 40,
                 "categories": ["Shoes"]}""");
        List<String> codes = new ArrayList<>();
        created.json().get("codes").values().forEach(code -> codes.add(code.asString()));

        JsonNode valid =
                validate(codes.getFirst(), 80, "[\"shoes\", \"socks\"]").json();
        JsonNode refused = validate(codes.get(1), 30, "[\"hats\"]").json();

        assertThat(created.status()).isEqualTo(201);
        assertThat(codes).hasSize(50).doesNotHaveDuplicates().allMatch(code -> code.matches("SPRING-[A-Z2-9]{10}"));
        assertThat(valid.get("valid").asBoolean()).isTrue();
        assertThat(valid.get("discount").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(refused.get("valid").asBoolean()).isFalse();
        assertThat(refused.get("refusals").toString()).contains("min-basket", "category");
    }

    @Test
    void aLimitedVoucherIsNeverRedeemedMoreOftenThanItsLimitHoweverManyCheckoutsRace() throws Exception {
        api.post("/v1/loyalty/vouchers", admin(), """
                {"code": "FIRST-FIVE", "kind": "AMOUNT", "value": 10, "redemptionLimit": 5}""");
        List<Future<Integer>> checkouts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 20; i++) {
                String body = "{\"customerId\": \"c-" + i + "\", \"orderId\": \"o-" + i + "\", \"total\": 50}";
                checkouts.add(pool.submit(() -> api.post("/v1/loyalty/vouchers/FIRST-FIVE/redemptions", admin(), body)
                        .status()));
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> checkout : checkouts) {
            statuses.add(checkout.get());
        }

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 422).hasSize(15);
        assertThat(api.get("/v1/loyalty/vouchers/FIRST-FIVE", admin())
                        .json()
                        .get("redeemed")
                        .asInt())
                .isEqualTo(5);
    }

    @Test
    void theSameOrderRedeemsOnceAndACustomerLimitCountsTheirOrders() {
        api.post("/v1/loyalty/vouchers", admin(), """
                {"code": "ONCE-EACH", "kind": "FREE_SHIPPING", "value": 0, "perCustomerLimit": 1}""");

        Response first = redeem("ONCE-EACH", "c-1", "o-1");
        Response retry = redeem("ONCE-EACH", "c-1", "o-1");
        Response secondOrder = redeem("ONCE-EACH", "c-1", "o-2");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("freeShipping").asBoolean()).isTrue();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(secondOrder.status()).isEqualTo(422);
        assertThat(secondOrder.json().get("detail").asString()).contains("customer-limit");
        assertThat(api.get("/v1/loyalty/vouchers/ONCE-EACH", admin())
                        .json()
                        .get("redeemed")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void anExpiredPersonalVoucherNamesBothReasonsAndBadInputNamesTheField() {
        api.post("/v1/loyalty/vouchers", admin(), """
                {"code": "FOR-ANNA", "kind": "AMOUNT", "value": 5, "customerId": "anna",
                 "expiresAt": "2020-01-01T00:00:00Z"}""");

        JsonNode refused = validate("FOR-ANNA", 20, "[]").json();
        Response bad = api.post("/v1/loyalty/vouchers", admin(), "{\"kind\": \"PERCENT\", \"value\": 150}");
        Response unknown = validate("NOPE-NOPE", 20, "[]");

        assertThat(refused.get("refusals").toString()).contains("expired", "customer");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").toString()).contains("/value", "/count");
        assertThat(unknown.status()).isEqualTo(404);
    }

    private Response validate(String code, int total, String categories) {
        return api.post(
                "/v1/loyalty/vouchers/" + code + "/validation",
                admin(),
                "{\"customerId\": \"bob\", \"total\": " + total + ", \"categories\": " + categories + "}");
    }

    private Response redeem(String code, String customer, String order) {
        return api.post(
                "/v1/loyalty/vouchers/" + code + "/redemptions",
                admin(),
                "{\"customerId\": \"" + customer + "\", \"orderId\": \"" + order + "\", \"total\": 30}");
    }

    private String admin() {
        return bearer(shop.adminKey());
    }
}
