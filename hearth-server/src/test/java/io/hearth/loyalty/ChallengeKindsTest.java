package io.hearth.loyalty;

import static io.hearth.testing.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.testing.HearthTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Challenges beyond spend: a count of orders, first purchases in new categories, reviews and weeks
 * in a row with a visit, each with a per-member target calibrated from the member's own months and
 * awarded once when reached.
 */
@HearthTest
class ChallengeKindsTest extends ShopTestBase {

    @Test
    void anOrdersTargetIsAStepAboveTheMembersTypicalMonthRoundedUpAndAwardedOnceReached() {
        Instant now = Instant.now();
        YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);
        order("h-1", day(thisMonth.minusMonths(2), 10));
        order("h-2", day(thisMonth.minusMonths(2), 11));
        order("h-3", day(thisMonth.minusMonths(1), 10));
        order("h-4", day(thisMonth.minusMonths(1), 11));
        String customer = await().atMost(Duration.ofSeconds(20)).until(this::customerId, id -> id != null);
        await().atMost(Duration.ofSeconds(20)).until(() -> orders(customer) == 4);
        assertThat(api.put("/v1/loyalty/challenges/regulars", admin(), """
                        {"name": "Regulars", "kind": "ORDERS", "stretch": 0.25, "minTarget": 1, "maxTarget": 10,
                         "rewardPoints": 40}""").status())
                .isEqualTo(200);

        JsonNode before = challenge(customer, "regulars");
        order("now-1", now);
        order("now-2", now);
        await().atMost(Duration.ofSeconds(20)).until(() -> orders(customer) == 6);
        boolean completedAtTwo =
                challenge(customer, "regulars").get("completed").asBoolean();
        order("now-3", now);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> challenge(customer, "regulars").get("completed").asBoolean());
        order("now-4", now);
        await().atMost(Duration.ofSeconds(20)).until(() -> orders(customer) == 8);

        // Two orders in each active month; 25 % above 2 is 2.5, rounded up to whole orders.
        assertThat(before.get("typical").decimalValue()).isEqualByComparingTo("2");
        assertThat(before.get("target").decimalValue()).isEqualByComparingTo("3");
        assertThat(before.get("probability").asDouble()).isBetween(0.01, 0.7);
        assertThat(completedAtTwo).isFalse();
        assertThat(challenge(customer, "regulars").get("progress").decimalValue())
                .isEqualByComparingTo("4");
        assertThat(bonuses(customer, "challenge:regulars:")).isEqualTo(1);
        assertThat(api.get("/v1/customers/" + customer + "/decisions", admin()).body())
                .contains("loyalty.challenge-target", "orders: 25 % above the typical month of 2.00");
    }

    @Test
    void aNewCategoryCountsOnlyTheFirstTimeTheMemberBuysFromItAndReviewsCountRewardedReviews() {
        String member = "explorer";
        api.put("/v1/loyalty/rules", admin(), "{\"bonuses\": {\"REVIEW_WRITTEN\": 10}}");
        earn(member, "o-1", "shoes", Instant.now().minus(Duration.ofDays(70)));
        api.put("/v1/loyalty/challenges/explore", admin(), """
                {"name": "Explore", "kind": "NEW_CATEGORIES", "minTarget": 2, "maxTarget": 5, "rewardPoints": 30}""");
        api.put("/v1/loyalty/challenges/reviewer", admin(), """
                {"name": "Reviewer", "kind": "reviews", "minTarget": 1, "maxTarget": 3, "rewardPoints": 20}""");

        earn(member, "o-2", "shoes", Instant.now());
        earn(member, "o-3", "hats", Instant.now());
        JsonNode oneNew = challenge(member, "explore");
        earn(member, "o-4", "socks", Instant.now());
        JsonNode reviewsBefore = challenge(member, "reviewer");
        assertThat(api.post("/v1/loyalty/members/" + member + "/bonuses", admin(), """
                        {"action": "REVIEW_WRITTEN", "reference": "review-1"}""")
                        .status())
                .isEqualTo(201);

        assertThat(oneNew.get("target").decimalValue()).isEqualByComparingTo("2");
        assertThat(oneNew.get("progress").decimalValue()).isEqualByComparingTo("1");
        assertThat(oneNew.get("completed").asBoolean()).isFalse();
        assertThat(challenge(member, "explore").get("progress").decimalValue()).isEqualByComparingTo("2");
        assertThat(challenge(member, "explore").get("completed").asBoolean()).isTrue();
        assertThat(bonuses(member, "challenge:explore:")).isEqualTo(1);
        assertThat(reviewsBefore.get("progress").decimalValue()).isEqualByComparingTo("0");
        assertThat(challenge(member, "reviewer").get("completed").asBoolean()).isTrue();
        assertThat(bonuses(member, "challenge:reviewer:")).isEqualTo(1);
    }

    @Test
    void weeklyVisitsCountTheLongestRunOfWeeksWithAPageViewInTheMonth() {
        LocalDate thisMonday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);
        YearMonth earlier = thisMonth.minusMonths(2);
        // In the last days of a month this week may already belong to the next one (its Thursday does).
        int thisWeekCounts = YearMonth.from(thisMonday.plusDays(3)).equals(thisMonth) ? 1 : 0;
        LocalDate firstMonday = earlier.atDay(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        for (int week = 0; week < 3; week++) {
            page(firstMonday.plusWeeks(week).atTime(10, 0).toInstant(ZoneOffset.UTC));
        }
        page(Instant.now());
        String customer = await().atMost(Duration.ofSeconds(20)).until(this::customerId, id -> id != null);
        await().atMost(Duration.ofSeconds(20)).until(() -> pages(customer) == 4);
        api.put("/v1/loyalty/challenges/habit", admin(), """
                {"name": "Habit", "kind": "WEEKLY_VISITS", "stretch": 0, "minTarget": 1, "maxTarget": 4,
                 "rewardPoints": 10}""");

        JsonNode habit = challenge(customer, "habit");

        assertThat(habit.get("typical").decimalValue()).isEqualByComparingTo("3");
        assertThat(habit.get("target").decimalValue()).isEqualByComparingTo("3");
        assertThat(habit.get("progress").intValue()).isEqualTo(thisWeekCounts);
        assertThat(habit.get("completed").asBoolean()).isFalse();
    }

    @Test
    void aWeeklyVisitChallengeIsAwardedOnThePageViewItselfAndOnlyToMembers() {
        // A visit this week, or last week when this week's Thursday is already in the next month.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate thursday =
                today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusDays(3);
        Instant visit = YearMonth.from(thursday).equals(YearMonth.from(today))
                ? Instant.now()
                : Instant.now().minus(Duration.ofDays(7));
        api.post("/v1/identify", basic(shop.writeKey()), "{\"userId\":\"shopper\",\"traits\":{\"name\":\"Sam\"}}");
        String customer = await().atMost(Duration.ofSeconds(20)).until(this::customerId, id -> id != null);
        earn(customer, "o-1", "books", Instant.now());
        api.put("/v1/loyalty/challenges/habit", admin(), """
                {"name": "Habit", "kind": "WEEKLY_VISITS", "stretch": 0, "minTarget": 1, "maxTarget": 1,
                 "rewardPoints": 10}""");
        long before = bonuses(customer, "challenge:habit:");

        // One batch: a member's page view and a visitor's screen view who has no loyalty account.
        api.post("/v1/batch", basic(shop.writeKey()), """
                {"batch": [{"type": "page", "userId": "shopper", "name": "Home", "timestamp": "%s"},
                           {"type": "screen", "userId": "browser", "name": "Home", "timestamp": "%s"}]}""".formatted(visit, visit));

        await().atMost(Duration.ofSeconds(30)).until(() -> bonuses(customer, "challenge:habit:") == 1);
        String browser = await().atMost(Duration.ofSeconds(20)).until(() -> customerId("browser"), id -> id != null);
        assertThat(before).isZero();
        assertThat(challenge(customer, "habit").get("completed").asBoolean()).isTrue();
        assertThat(api.get("/v1/loyalty/members/" + browser + "/history", admin())
                        .json()
                        .get("data")
                        .size())
                .isZero();
    }

    @Test
    void anUnknownKindAndAFractionalTargetOfACountAreRefusedNamingTheField() {
        var unknown = api.put("/v1/loyalty/challenges/bad", admin(), """
                {"name": "Bad", "kind": "HUGS", "minTarget": 1, "maxTarget": 2, "rewardPoints": 1}""");
        var fraction = api.put("/v1/loyalty/challenges/bad", admin(), """
                {"name": "Bad", "kind": "ORDERS", "minTarget": 0.5, "maxTarget": 2, "rewardPoints": 1}""");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("/kind");
        assertThat(fraction.status()).isEqualTo(400);
        assertThat(fraction.body()).contains("/minTarget");
    }

    private void earn(String member, String orderId, String category, Instant placedAt) {
        var answer = api.post("/v1/loyalty/orders", admin(), """
                {"customerId": "%s", "orderId": "%s", "placedAt": "%s",
                 "lines": [{"lineId": "1", "category": "%s", "amount": 20}]}""".formatted(member, orderId, placedAt, category));
        assertThat(answer.status()).isEqualTo(201);
    }

    private static Instant day(YearMonth month, int day) {
        return month.atDay(day).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private void order(String orderId, Instant at) {
        String body = "{\"userId\":\"shopper\",\"event\":\"Order Completed\",\"messageId\":\"" + orderId
                + "\",\"timestamp\":\"" + at + "\",\"properties\":{\"order_id\":\"" + orderId + "\",\"total\":30}}";
        assertThat(api.post("/v1/track", basic(shop.writeKey()), body).status()).isEqualTo(200);
    }

    private void page(Instant at) {
        String body = "{\"userId\":\"shopper\",\"name\":\"Home\",\"timestamp\":\"" + at + "\"}";
        assertThat(api.post("/v1/page", basic(shop.writeKey()), body).status()).isEqualTo(200);
    }

    private String customerId() {
        return customerId("shopper");
    }

    private int pages(String customer) {
        return api.get("/v1/customers/" + customer + "/timeline?type=page", admin())
                .json()
                .get("data")
                .size();
    }

    private JsonNode challenge(String customer, String challengeId) {
        return api.get("/v1/loyalty/members/" + customer + "/challenges", admin())
                .json()
                .get("data")
                .valueStream()
                .filter(progress ->
                        progress.get("challenge").get("challengeId").asString().equals(challengeId))
                .findFirst()
                .orElseThrow();
    }

    private long bonuses(String customer, String prefix) {
        return api.get("/v1/loyalty/members/" + customer + "/history", admin())
                .json()
                .get("data")
                .valueStream()
                .filter(transaction -> transaction.get("kind").asString().equals("BONUS"))
                .filter(transaction -> transaction.get("reference").asString().startsWith(prefix))
                .count();
    }
}
