package io.hearth.loyalty;

import static io.hearth.testing.Api.bearer;

import io.hearth.testing.Api;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A fresh shop on the running server for each test, and the reads the challenge tests share. */
abstract class ShopTestBase {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    Api api;
    TestTenant shop;

    @BeforeEach
    void setUpShop() {
        api = new Api(port);
        shop = tenants.create();
    }

    /** The profile of the shop's {@code userId}, null until ingestion has resolved it. */
    @Nullable
    String customerId(String userId) {
        var answer = api.get("/v1/customers/lookup?userId=" + userId, admin());
        return answer.status() == 200 ? answer.json().get("customerId").asString() : null;
    }

    int orders(String customer) {
        return api.get("/v1/customers/" + customer + "/orders", admin())
                .json()
                .get("data")
                .size();
    }

    String admin() {
        return bearer(shop.adminKey());
    }
}
