package io.hearth.loyalty;

import static io.hearth.testing.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.testing.HearthTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A monthly spend challenge launched on a shop with history: each member's target is a step above
 * their own typical month, with the chance of reaching it, logged as a decision; a paid order that
 * reaches it awards the points once.
 */
@HearthTest
class ChallengesTest extends ShopTestBase {

    @Test
    void aMembersTargetIsCalibratedFromTheirMonthsAndReachingItAwardsThePointsOnce() {
        Instant now = Instant.now();
        order("h-1", 100, now.minus(Duration.ofDays(30)));
        order("h-2", 120, now.minus(Duration.ofDays(60)));
        order("h-3", 80, now.minus(Duration.ofDays(90)));
        String customer = await().atMost(Duration.ofSeconds(20)).until(this::customerId, id -> id != null);
        await().atMost(Duration.ofSeconds(20)).until(() -> orders(customer) == 3);
        assertThat(api.put("/v1/loyalty/challenges/monthly", admin(), """
                        {"name": "Treat yourself", "stretch": 0.2, "minTarget": 20, "maxTarget": 1000, "rewardPoints": 50}""").status())
                .isEqualTo(200);

        JsonNode before = challenges(customer).get(0);
        order("now-1", 150, now);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> challenges(customer).get(0).get("completed").asBoolean());
        order("now-2", 10, now);
        await().atMost(Duration.ofSeconds(20)).until(() -> orders(customer) == 5);

        assertThat(before.get("typical").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(before.get("target").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(before.get("probability").asDouble()).isBetween(0.05, 0.6);
        assertThat(before.get("progress").decimalValue()).isEqualByComparingTo("0");
        assertThat(before.get("completed").asBoolean()).isFalse();
        assertThat(decisions(customer)).contains("loyalty.challenge-target", "20 % above the typical month of 100.00");
        await().atMost(Duration.ofSeconds(20)).until(() -> bonuses(customer) == 1);
        assertThat(challenges(customer).get(0).get("target").decimalValue()).isEqualByComparingTo("120.00");
    }

    @Test
    void aBudgetIsNeverOverspentWhenManyMembersCompleteAtOnceAndTheLastAwardIsPartial() {
        assertThat(api.put("/v1/loyalty/budgets/december", admin(), "{\"name\": \"December\", \"total\": 550}")
                        .status())
                .isEqualTo(200);
        api.put("/v1/loyalty/challenges/first-month", admin(), """
                {"name": "First month", "minTarget": 20, "maxTarget": 500, "rewardPoints": 100, "budgetId": "december"}""");
        StringBuilder batch = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < 12; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"track\",\"userId\":\"racer-")
                    .append(i)
                    .append("\",\"event\":\"Order Completed\",\"messageId\":\"race-")
                    .append(i)
                    .append("\",\"properties\":{\"order_id\":\"race-")
                    .append(i)
                    .append("\",\"total\":50}}");
        }
        assertThat(api.post(
                                "/v1/batch",
                                basic(shop.writeKey()),
                                batch.append("]}").toString())
                        .status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> completions() == 12);

        JsonNode budget =
                api.get("/v1/loyalty/budgets", admin()).json().get("data").get(0);
        List<Long> awarded = awards();
        assertThat(budget.get("spent").asLong()).isEqualTo(550);
        assertThat(awarded.stream().mapToLong(Long::longValue).sum()).isEqualTo(550);
        assertThat(awarded).filteredOn(points -> points == 100).hasSize(5);
        assertThat(awarded).filteredOn(points -> points == 50).hasSize(1);
        assertThat(awarded).filteredOn(points -> points == 0).hasSize(6);
    }

    private long completions() {
        return awards().size();
    }

    private List<Long> awards() {
        List<Long> points = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            var answer = api.get("/v1/customers/lookup?userId=racer-" + i, admin());
            if (answer.status() != 200) {
                continue;
            }
            String customer = answer.json().get("customerId").asString();
            api.get("/v1/loyalty/members/" + customer + "/history", admin())
                    .json()
                    .get("data")
                    .valueStream()
                    .filter(transaction -> transaction.get("kind").asString().equals("BONUS"))
                    .forEach(transaction -> points.add(transaction.get("points").asLong()));
        }
        return points;
    }

    private void order(String orderId, int total, Instant at) {
        String body = "{\"userId\":\"shopper\",\"event\":\"Order Completed\",\"messageId\":\"" + orderId
                + "\",\"timestamp\":\"" + at + "\",\"properties\":{\"order_id\":\"" + orderId + "\",\"total\":" + total
                + "}}";
        assertThat(api.post("/v1/track", basic(shop.writeKey()), body).status()).isEqualTo(200);
    }

    private String customerId() {
        return customerId("shopper");
    }

    private JsonNode challenges(String customer) {
        return api.get("/v1/loyalty/members/" + customer + "/challenges", admin())
                .json()
                .get("data");
    }

    private long bonuses(String customer) {
        JsonNode history = api.get("/v1/loyalty/members/" + customer + "/history", admin())
                .json()
                .get("data");
        return history.valueStream()
                .filter(transaction -> transaction.get("kind").asString().equals("BONUS"))
                .filter(transaction -> transaction.get("reference").asString().startsWith("challenge:monthly:"))
                .count();
    }

    private String decisions(String customer) {
        return api.get("/v1/customers/" + customer + "/decisions", admin()).body();
    }
}
