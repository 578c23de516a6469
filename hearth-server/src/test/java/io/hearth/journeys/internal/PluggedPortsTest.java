package io.hearth.journeys.internal;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.journeys.JourneyManagement;
import io.hearth.journeys.JourneyStats;
import io.hearth.journeys.SendTimePort;
import io.hearth.loyalty.LedgerTransaction;
import io.hearth.loyalty.LoyaltyManagement;
import io.hearth.predictions.PredictionChanged;
import io.hearth.predictions.PredictionManagement;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.privacy.RecordedDecision;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.Customers;
import io.hearth.testing.HearthTest;
import io.hearth.testing.MutableClock;
import io.hearth.testing.PredictionEventsRecorder;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The journeys ports plugged into the real loyalty ledger and predictions, end to end. */
@HearthTest
class PluggedPortsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Customers customers;

    @Autowired
    MutableClock clock;

    @Autowired
    JourneyManagement journeys;

    @Autowired
    LoyaltyManagement loyalty;

    @Autowired
    PredictionManagement predictions;

    @Autowired
    LedgerLoyalty ledgerLoyalty;

    @Autowired
    ProfileManagement profiles;

    @Autowired
    PredictionEventsRecorder recorder;

    @Autowired
    PredictedSendTime sendTimes;

    @Autowired
    PrivacyManagement privacy;

    Api api;
    TestTenant shop;

    @BeforeEach
    void aShop() {
        api = new Api(port);
        shop = tenants.create();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anAwardPointsStepLeavesThePointsInTheBalanceExactlyOnce() {
        assertThat(publish("bonus", """
                        trigger: {type: prediction, prediction: replenishment_due, threshold: 0.5}
                        entry: {reentry: false, maxConcurrent: 1}
                        steps:
                          - {id: pause, type: wait, duration: P2D}
                          - {id: bonus, type: awardPoints, points: 75, reason: come back soon}
                        """)).isEqualTo(200);
        CustomerId ivy = customers.identify(api, shop, "ivy", "\"email\":\"ivy@example.com\"");

        journeys.predictionCrossed(shop.id(), ivy, "replenishment_due", 0.9, "crossing-1");
        awaitTotal("bonus", "waiting", 1);
        long beforeTheWait = loyalty.balance(shop.id(), ivy).available();
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> journeys.stats(shop.id(), "bonus").total("done", "completed") == 1);
        // At-least-once delivery of the same crossing enters no one twice.
        journeys.predictionCrossed(shop.id(), ivy, "replenishment_due", 0.9, "crossing-1");

        assertThat(beforeTheWait).isZero();
        assertThat(loyalty.balance(shop.id(), ivy).available()).isEqualTo(75);
        List<LedgerTransaction> history = loyalty.history(shop.id(), ivy, 10, null, null);
        assertThat(history).hasSize(1);
        assertThat(journeys.stats(shop.id(), "bonus").counts())
                .contains(new JourneyStats.Count("bonus", "done", null, 1));
    }

    @Test
    void aRetriedAwardWithTheSameKeyAwardsOnce() {
        CustomerId jo = customers.identify(api, shop, "jo", "\"email\":\"jo@example.com\"");

        assertThat(ledgerLoyalty.awardPoints(shop.id(), jo, 40, "retry", "run-1:bonus"))
                .isTrue();
        assertThat(ledgerLoyalty.awardPoints(shop.id(), jo, 40, "retry", "run-1:bonus"))
                .isTrue();
        ledgerLoyalty.awardPoints(shop.id(), jo, 10, "another run", "run-2:bonus");

        assertThat(loyalty.balance(shop.id(), jo).available()).isEqualTo(50);
        assertThat(ledgerLoyalty.issueVoucher(shop.id(), jo, java.util.Optional.empty(), "run-1:offer"))
                .as("no offer arms configured, so the bandit has nothing to choose")
                .isEmpty();
    }

    @Test
    void aNamedOfferIssuesOnePersonalVoucherPerStepKey() {
        CustomerId jo = customers.identify(api, shop, "jo-voucher", "\"email\":\"jv@example.com\"");

        String code = ledgerLoyalty
                .issueVoucher(shop.id(), jo, java.util.Optional.of("percent:15"), "run-7:thanks")
                .orElseThrow();
        String retried = ledgerLoyalty
                .issueVoucher(shop.id(), jo, java.util.Optional.of("percent:15"), "run-7:thanks")
                .orElseThrow();
        String otherRun = ledgerLoyalty
                .issueVoucher(shop.id(), jo, java.util.Optional.of("percent:15"), "run-8:thanks")
                .orElseThrow();

        assertThat(retried).isEqualTo(code);
        assertThat(otherRun).isNotEqualTo(code);
        io.hearth.loyalty.Voucher voucher = loyalty.voucher(shop.id(), code).orElseThrow();
        assertThat(voucher.kind()).isEqualTo(io.hearth.loyalty.Voucher.Kind.PERCENT);
        assertThat(voucher.value()).isEqualByComparingTo("15");
    }

    @Test
    void theLearnedHourOfTheWeekBecomesTheCustomersLocalTimeOfDay() {
        // Six orders on Wednesdays at 14:00 UTC; the customer lives at +05:00, so 19:00 local.
        Instant wednesday = clock.instant()
                .atOffset(ZoneOffset.UTC)
                .minusWeeks(7)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY))
                .withHour(14)
                .truncatedTo(ChronoUnit.HOURS)
                .toInstant();
        CustomerId kim = customers.identify(api, shop, "kim", "\"timezone\":\"+05:00\"");
        CustomerId few = customers.identify(api, shop, "lee", "\"timezone\":\"+05:00\"");
        track("lee", "l-0", wednesday);
        for (int week = 0; week < 6; week++) {
            track("kim", "k-" + week, wednesday.plus(7L * week, ChronoUnit.DAYS));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        predictions.forCustomer(shop.id(), kim).bestSendTime().value() == 2 * 24 + 14);

        System.out.println("best send time of kim: "
                + predictions.forCustomer(shop.id(), kim).bestSendTime().label() + " -> "
                + sendTimes.bestSendTime(shop.id(), kim, "test").time());
        assertThat(sendTimes.bestSendTime(shop.id(), kim, "test").time()).contains(LocalTime.of(19, 0));
        assertThat(sendTimes.bestSendTime(shop.id(), few, "test"))
                .as("two own events under the rules: the configured send hour applies, no score is acted on")
                .isEqualTo(SendTimePort.Choice.NONE);
        assertThat(sendTimes.bestSendTime(shop.id(), new CustomerId("nobody"), "test"))
                .as("no such customer: the configured send hour applies")
                .isEqualTo(SendTimePort.Choice.NONE);
    }

    @Test
    void aBestSendTimeWaitWritesTheServedSendTimeToTheDecisionLog() {
        assertThat(publish("send-later", """
                        trigger: {type: prediction, prediction: replenishment_due, threshold: 0.5}
                        entry: {reentry: false, maxConcurrent: 1}
                        steps:
                          - {id: at-their-hour, type: wait, bestSendTime: true}
                          - {id: bonus, type: awardPoints, points: 5, reason: on time}
                        """)).isEqualTo(200);
        Instant wednesday = clock.instant()
                .atOffset(ZoneOffset.UTC)
                .minusWeeks(7)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY))
                .withHour(14)
                .truncatedTo(ChronoUnit.HOURS)
                .toInstant();
        CustomerId mo = customers.identify(api, shop, "mo", "\"timezone\":\"+05:00\"");
        for (int week = 0; week < 6; week++) {
            track("mo", "m-" + week, wednesday.plus(7L * week, ChronoUnit.DAYS));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        predictions.forCustomer(shop.id(), mo).bestSendTime().value() == 2 * 24 + 14);

        journeys.predictionCrossed(shop.id(), mo, "replenishment_due", 0.9, "crossing-send-later");
        awaitTotal("send-later", "waiting", 1);

        List<RecordedDecision> served = privacy.decisions(shop.id(), mo, 50, null).decisions().stream()
                .filter(decision -> decision.type().equals("prediction.served"))
                .toList();
        assertThat(served).singleElement().satisfies(decision -> {
            assertThat(decision.reason()).isEqualTo("scores served to journey:send-later/at-their-hour");
            assertThat(decision.inputs().get("best_send_time").asInt()).isEqualTo(2 * 24 + 14);
            assertThat(decision.modelVersion()).contains("send-time");
        });
    }

    @Test
    void aChurnRiskCrossingPublishedByPredictionsStartsTheJourney() {
        assertThat(publish("win-back-points", """
                        trigger: {type: prediction, prediction: churn_risk, threshold: 0.6}
                        entry: {reentry: false, maxConcurrent: 1}
                        steps:
                          - {id: sweetener, type: awardPoints, points: 200, reason: we miss you}
                        """)).isEqualTo(200);
        // A weekly buyer who stopped about two months ago, as the predictions tests make one.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        for (int week = 0; week < 6; week++) {
            track("weekly", "w-" + week, now.minus(100 - 7 * week, ChronoUnit.DAYS));
        }
        CustomerId weekly = customers.identify(api, shop, "weekly", "\"plan\":\"gold\"");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> profiles.orders(shop.id(), weekly).size() == 6);
        customers.identify(api, shop, "weekly", "\"plan\":\"platinum\"");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> recorder.changes(shop.id()).stream()
                        .anyMatch(change -> change.signal() == PredictionChanged.Signal.CHURN_RISK));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> journeys.stats(shop.id(), "win-back-points").total("done", "completed") == 1);

        assertThat(journeys.stats(shop.id(), "win-back-points").total("entered"))
                .isEqualTo(1);
        // The orders earned points of their own: the journey's award is the one transaction by "journey".
        assertThat(loyalty.history(shop.id(), weekly, 50, null, null))
                .filteredOn(transaction -> LedgerLoyalty.ACTOR.equals(transaction.actor()))
                .singleElement()
                .satisfies(transaction -> {
                    assertThat(transaction.points()).isEqualTo(200);
                    assertThat(transaction.reason()).isEqualTo("we miss you");
                });
    }

    private void track(String user, String orderId, Instant at) {
        String body = "{\"userId\":\"" + user + "\",\"event\":\"Order Completed\",\"messageId\":\"" + orderId
                + "\",\"timestamp\":\"" + at + "\",\"properties\":{\"order_id\":\"" + orderId + "\",\"total\":40}}";
        assertThat(api.post("/v1/track", basic(shop.writeKey()), body).status()).isEqualTo(200);
    }

    private void awaitTotal(String journey, String outcome, long count) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> journeys.stats(shop.id(), journey).total(outcome) >= count);
    }

    private int publish(String key, String yaml) {
        return api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/journeys/" + key))
                        .header("Authorization", bearer(shop.adminKey()))
                        .header("Content-Type", "application/yaml")
                        .PUT(HttpRequest.BodyPublishers.ofString(yaml)))
                .status();
    }
}
