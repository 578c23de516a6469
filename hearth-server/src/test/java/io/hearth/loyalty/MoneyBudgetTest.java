package io.hearth.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.testing.Api.Response;
import io.hearth.testing.HearthTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Campaign budgets in money: voucher discounts drawn from a budget in cents never pass it, however
 * many checkouts race; the last one gets what is left, later ones are refused naming the budget.
 */
@HearthTest
class MoneyBudgetTest extends ShopTestBase {

    @Test
    void racingCheckoutsNeverOverspendAMoneyBudgetAndTheLastDiscountIsPartial() throws Exception {
        assertThat(api.put("/v1/loyalty/budgets/winter", admin(), """
                        {"name": "Winter vouchers", "currency": "EUR", "total": 2500}""").status()).isEqualTo(200);
        assertThat(api.post("/v1/loyalty/vouchers", admin(), """
                        {"code": "WINTER-TEN", "kind": "AMOUNT", "value": 10, "budgetId": "winter"}""").status()).isEqualTo(201);

        List<Future<Response>> checkouts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 12; i++) {
                String body = "{\"customerId\": \"c-" + i + "\", \"orderId\": \"o-" + i + "\", \"total\": 50}";
                checkouts.add(
                        pool.submit(() -> api.post("/v1/loyalty/vouchers/WINTER-TEN/redemptions", admin(), body)));
            }
        }
        List<BigDecimal> discounts = new ArrayList<>();
        int refused = 0;
        for (Future<Response> checkout : checkouts) {
            Response answer = checkout.get();
            if (answer.status() == 201) {
                discounts.add(answer.json().get("discount").decimalValue());
            } else {
                assertThat(answer.status()).isEqualTo(422);
                assertThat(answer.json().get("detail").asString()).contains("budget winter is spent");
                refused++;
            }
        }
        JsonNode budget =
                api.get("/v1/loyalty/budgets", admin()).json().get("data").get(0);
        JsonNode check = api.post("/v1/loyalty/vouchers/WINTER-TEN/validation", admin(), """
                        {"customerId": "late", "total": 50, "categories": []}""")
                .json();

        assertThat(discounts).hasSize(3);
        assertThat(discounts).filteredOn(d -> d.compareTo(BigDecimal.TEN) == 0).hasSize(2);
        assertThat(discounts)
                .filteredOn(d -> d.compareTo(new BigDecimal("5.00")) == 0)
                .hasSize(1);
        assertThat(refused).isEqualTo(9);
        assertThat(budget.get("currency").asString()).isEqualTo("EUR");
        assertThat(budget.get("spent").asLong()).isEqualTo(2500);
        assertThat(check.get("valid").asBoolean()).isFalse();
        assertThat(check.get("refusals").toString()).contains("budget");
    }

    @Test
    void aCheckReadsThePartialDiscountAndARetriedOrderKeepsWhatItWasPaid() {
        api.put("/v1/loyalty/budgets/small", admin(), """
                {"name": "Small", "currency": "EUR", "total": 750}""");
        api.post("/v1/loyalty/vouchers", admin(), """
                {"code": "TENTH-OFF", "kind": "PERCENT", "value": 10, "budgetId": "small"}""");

        JsonNode checked = api.post("/v1/loyalty/vouchers/TENTH-OFF/validation", admin(), """
                        {"customerId": "a", "total": 100, "categories": []}""")
                .json();
        Response first = redeem("TENTH-OFF", "a", "o-1", 50);
        Response partial = redeem("TENTH-OFF", "b", "o-2", 50);
        Response retried = redeem("TENTH-OFF", "b", "o-2", 50);

        assertThat(checked.get("discount").decimalValue()).isEqualByComparingTo("7.50");
        assertThat(first.json().get("discount").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(partial.json().get("discount").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json().get("discount").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(api.get("/v1/loyalty/budgets", admin())
                        .json()
                        .get("data")
                        .get(0)
                        .get("spent")
                        .asLong())
                .isEqualTo(750);
    }

    @Test
    void aBudgetKeepsItsUnitAndEachSpenderNamesTheRightKindOfBudget() {
        api.put("/v1/loyalty/budgets/points", admin(), "{\"name\": \"Points\", \"total\": 500}");
        api.put("/v1/loyalty/budgets/cash", admin(), "{\"name\": \"Cash\", \"currency\": \"EUR\", \"total\": 500}");

        Response toMoney = api.put("/v1/loyalty/budgets/points", admin(), """
                {"name": "Points", "currency": "EUR", "total": 500}""");
        Response badCurrency = api.put("/v1/loyalty/budgets/odd", admin(), """
                {"name": "Odd", "currency": "euro", "total": 500}""");
        Response voucherOnPoints = api.post("/v1/loyalty/vouchers", admin(), """
                {"code": "ON-POINTS", "kind": "AMOUNT", "value": 5, "budgetId": "points"}""");
        Response freeShipping = api.post("/v1/loyalty/vouchers", admin(), """
                {"code": "SHIP-FREE", "kind": "FREE_SHIPPING", "value": 0, "budgetId": "cash"}""");
        Response challengeOnCash = api.put("/v1/loyalty/challenges/monthly", admin(), """
                {"name": "Monthly", "minTarget": 20, "maxTarget": 500, "rewardPoints": 50, "budgetId": "cash"}""");

        assertThat(toMoney.status()).isEqualTo(400);
        assertThat(toMoney.json().get("errors").toString()).contains("/currency");
        assertThat(badCurrency.status()).isEqualTo(400);
        assertThat(badCurrency.json().get("errors").toString()).contains("/currency");
        assertThat(voucherOnPoints.status()).isEqualTo(400);
        assertThat(voucherOnPoints.json().get("errors").toString()).contains("/budgetId");
        assertThat(freeShipping.status()).isEqualTo(400);
        assertThat(freeShipping.json().get("errors").toString()).contains("/budgetId");
        assertThat(challengeOnCash.status()).isEqualTo(400);
        assertThat(challengeOnCash.json().get("errors").toString()).contains("/budgetId");
        JsonNode budgets = api.get("/v1/loyalty/budgets", admin()).json().get("data");
        assertThat(budgets.get(0).get("currency").asString()).isEqualTo("EUR");
        assertThat(budgets.get(1).hasNonNull("currency")).isFalse();
    }

    private Response redeem(String code, String customer, String order, int total) {
        return api.post(
                "/v1/loyalty/vouchers/" + code + "/redemptions",
                admin(),
                "{\"customerId\": \"" + customer + "\", \"orderId\": \"" + order + "\", \"total\": " + total + "}");
    }
}
