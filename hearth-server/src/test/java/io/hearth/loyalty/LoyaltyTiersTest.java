package io.hearth.loyalty;

import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.HearthTest;
import io.hearth.testing.LoyaltyEventsRecorder;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Tiers on points earned in a rolling year: upgrade at once, a month of grace, then a downgrade. */
@HearthTest
class LoyaltyTiersTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    LoyaltyManagement loyalty;

    @Autowired
    LoyaltyEventsRecorder events;

    Api api;
    TestTenant shop;
    String member;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = tenants.create();
        member = "member-" + UUID.randomUUID();
        Response tiers = api.put("/v1/loyalty/tiers", admin(), """
                {"tiers": [{"name": "Silver", "threshold": 100}, {"name": "Gold", "threshold": 500}]}""");
        assertThat(tiers.status()).isEqualTo(200);
    }

    @Test
    void earningPastAThresholdUpgradesAtOnceWithTheReasonAndShowsProgressToTheNext() {
        adjust(150);

        JsonNode tier = member().get("tier");
        assertThat(tier.get("tier").asString()).isEqualTo("Silver");
        assertThat(tier.get("earnedInWindow").asLong()).isEqualTo(150);
        assertThat(tier.get("nextTier").asString()).isEqualTo("Gold");
        assertThat(tier.get("pointsToNextTier").asLong()).isEqualTo(350);
        assertThat(events.tierChanges(shop.id())).singleElement().satisfies(change -> {
            assertThat(change.from()).isNull();
            assertThat(change.to()).isEqualTo("Silver");
            assertThat(change.reason()).isEqualTo("earned 150 points in 365 days, Silver needs 100");
        });
    }

    @Test
    void aMemberBelowTheirTierKeepsItThroughTheGraceAndIsThenDowngraded() {
        adjust(600);
        Instant yearLater = Instant.now().plus(Duration.ofDays(366));

        loyalty.runMaintenance(shop.id(), yearLater);
        assertThat(member().get("tier").get("tier").asString()).isEqualTo("Gold");
        loyalty.runMaintenance(shop.id(), yearLater.plus(Duration.ofDays(29)));
        assertThat(events.tierChanges(shop.id())).hasSize(1);
        loyalty.runMaintenance(shop.id(), yearLater.plus(Duration.ofDays(31)));

        assertThat(events.tierChanges(shop.id())).hasSize(2);
        TierChanged downgrade = events.tierChanges(shop.id()).getLast();
        assertThat(downgrade.from()).isEqualTo("Gold");
        assertThat(downgrade.to()).isNull();
        assertThat(downgrade.reason()).isEqualTo("earned 0 points in 365 days, below Gold for 30 days of grace");
    }

    @Test
    void aRewardForAHigherTierIsNotOfferedNorRedeemable() {
        api.put(
                "/v1/loyalty/rewards/lounge",
                admin(),
                "{\"name\": \"Lounge\", \"kind\": \"perk\", \"cost\": 50, \"minTier\": \"Gold\"}");
        api.put("/v1/loyalty/rewards/mug", admin(), "{\"name\": \"Mug\", \"kind\": \"product\", \"cost\": 500}");
        adjust(150);

        JsonNode offers = api.get("/v1/loyalty/members/" + member + "/rewards", admin())
                .json()
                .get("data");
        Response redeemed =
                api.post("/v1/loyalty/members/" + member + "/redemptions", admin(), "{\"rewardId\": \"lounge\"}");

        assertThat(offers.size()).isEqualTo(1);
        assertThat(offers.get(0).get("reward").get("rewardId").asString()).isEqualTo("mug");
        assertThat(offers.get(0).get("affordable").asBoolean()).isFalse();
        assertThat(redeemed.status()).isEqualTo(422);
        assertThat(redeemed.json().get("code").asString()).isEqualTo("loyalty.reward-not-eligible");
    }

    @Test
    void theMemberPageCarriesAScoreFromTheLedgerWhenThereIsNoProfile() {
        adjust(150);

        JsonNode score = member().get("score");

        assertThat(score.get("score").asDouble()).isGreaterThan(0);
        assertThat(loyalty.loyaltyScore(shop.id(), CustomerId.of(member)).spend())
                .isGreaterThan(0);
    }

    private void adjust(long points) {
        Response adjusted = api.post(
                "/v1/loyalty/members/" + member + "/adjustments",
                admin(),
                "{\"points\": " + points + ", \"reason\": \"welcome\"}");
        assertThat(adjusted.status()).isEqualTo(201);
    }

    private JsonNode member() {
        return api.get("/v1/loyalty/members/" + member, admin()).json();
    }

    private String admin() {
        return bearer(shop.adminKey());
    }
}
