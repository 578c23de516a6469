package io.hearth.journeys;

import static io.hearth.testing.Api.basic;
import static io.hearth.testing.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.privacy.Channel;
import io.hearth.segments.SegmentId;
import io.hearth.segments.SegmentManagement;
import io.hearth.shared.CustomerId;
import io.hearth.testing.Api;
import io.hearth.testing.Api.Response;
import io.hearth.testing.Customers;
import io.hearth.testing.HearthTest;
import io.hearth.testing.MailInbox;
import io.hearth.testing.MutableClock;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Recurring audience sends by a schedule trigger, and moving runs in flight to a new version on request. */
@HearthTest
class JourneyVersionsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Customers customers;

    @Autowired
    MailInbox inbox;

    @Autowired
    MutableClock clock;

    @Autowired
    JourneyManagement journeys;

    @Autowired
    SegmentManagement segments;

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
    void aScheduleSendsToTheSegmentEveryMondayAtNineAndNoOneElse() {
        template("weekly", "This week for you");
        String segment = api.post(
                        "/v1/segments",
                        bearer(shop.adminKey()),
                        "{\"name\": \"gold\", \"expression\": \"has(customer.traits.plan) && customer.traits.plan == 'gold'\"}")
                .json()
                .get("segmentId")
                .asString();
        // In UTC, so nine o'clock on Monday is outside quiet hours whenever the test runs.
        String ada = customer("ada", "gold", "UTC");
        String bo = customer("bo", "gold", "UTC");
        String cy = customer("cy", "silver", "UTC");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> segments.members(shop.id(), SegmentId.of(segment), 10, null)
                                .customers()
                                .size()
                        == 2);
        Response published = publish("weekly", """
                trigger: {type: schedule, cron: "0 9 * * MON", zone: UTC, segment: %s}
                entry: {reentry: true}
                steps:
                  - {id: news, type: send, template: weekly}
                """.formatted(segment));
        assertThat(published.status()).isEqualTo(200);
        Instant monday = ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
                .with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                .truncatedTo(ChronoUnit.DAYS)
                .withHour(9)
                .toInstant();

        clock.advanceTo(monday.minusSeconds(60));
        sleepBriefly();
        int beforeNine = inbox.to(ada).size();
        clock.advanceTo(monday.plusSeconds(30));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> inbox.to(ada).size() == 1 && inbox.to(bo).size() == 1);
        clock.advanceTo(monday.plus(Duration.ofDays(7)).plusSeconds(300));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> inbox.to(ada).size() == 2 && inbox.to(bo).size() == 2);

        assertThat(beforeNine).isZero();
        assertThat(inbox.to(cy)).isEmpty();
        assertThat(journeys.stats(shop.id(), "weekly").total("entered")).isEqualTo(4);
    }

    @Test
    void aScheduleWithABadCronOrZoneIsRefusedNamingTheField() {
        Response answer = publish("broken", """
                trigger: {type: schedule, cron: "every monday", zone: Mars/Olympus, segment: 8d7e6f1a-0000-4000-8000-000000000001}
                steps:
                  - {id: bye, type: exit}
                """);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsString("pointer"))
                .containsExactlyInAnyOrder("/trigger/cron", "/trigger/zone");
    }

    @Test
    void runsInFlightStayOnTheirVersionUntilMigratedAndKeepTheirTimerWhenTheyMove() {
        template("thanks", "Thanks");
        template("tips", "Old tips");
        template("tips2", "New tips");
        publish("welcome", """
                trigger: {type: event, event: Signed Up}
                steps:
                  - {id: thanks, type: send, template: thanks}
                  - {id: pause, type: wait, duration: P3D}
                  - {id: tips, type: send, template: tips}
                """);
        String dee = customer("dee", "none");
        String eli = customer("eli", "none");
        track("dee", "Signed Up");
        track("eli", "Signed Up");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> journeys.stats(shop.id(), "welcome").total("waiting") == 2);
        publish("welcome", """
                trigger: {type: event, event: Signed Up}
                steps:
                  - {id: thanks, type: send, template: thanks}
                  - {id: rest, type: wait, duration: P3D}
                  - {id: tips, type: send, template: tips2}
                """);
        clock.advance(Duration.ofDays(2));

        Response unmapped = migrate("{}");
        Response badMapping = migrate("{\"steps\": {\"pause\": \"nowhere\"}}");
        Response mapped = migrate("{\"fromVersion\": 1, \"steps\": {\"pause\": \"rest\"}}");
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> inbox.to(dee).size() == 2 && inbox.to(eli).size() == 2);

        assertThat(unmapped.json().get("migrated").asLong()).isZero();
        assertThat(unmapped.json().get("stayedAt").get("pause").asLong()).isEqualTo(2);
        assertThat(badMapping.status()).isEqualTo(400);
        assertThat(badMapping.json().get("errors").get(0).get("pointer").asString())
                .isEqualTo("/steps/pause");
        assertThat(mapped.json().get("migrated").asLong()).isEqualTo(2);
        assertThat(mapped.json().get("toVersion").asInt()).isEqualTo(2);
        assertThat(mapped.json().get("stayedAt").isEmpty()).isTrue();
        assertThat(subjects(dee)).containsExactly("Thanks", "New tips");
        assertThat(subjects(eli)).containsExactly("Thanks", "New tips");
        assertThat(journeys.stats(shop.id(), "welcome").total("migrated", "from-v1"))
                .isEqualTo(2);
    }

    private Response migrate(String body) {
        return api.post("/v1/journeys/welcome/migrate", bearer(shop.adminKey()), body);
    }

    private String customer(String user, String plan) {
        return customer(user, plan, Customers.zoneAt(12));
    }

    private String customer(String user, String plan, String zone) {
        String email = user + "-" + shop.id().value() + "@example.com";
        CustomerId id = customers.identify(
                api, shop, user, "\"email\":\"" + email + "\",\"plan\":\"" + plan + "\",\"timezone\":\"" + zone + "\"");
        customers.optIn(shop, id, Channel.EMAIL);
        return email;
    }

    private void track(String user, String event) {
        api.post(
                "/v1/track",
                basic(shop.writeKey()),
                "{\"userId\":\"" + user + "\",\"event\":\"" + event + "\",\"messageId\":\"" + user + "-" + event
                        + "\"}");
    }

    private void template(String key, String subject) {
        assertThat(api.put(
                                "/v1/templates/" + key,
                                bearer(shop.adminKey()),
                                "{\"locales\": {\"en\": {\"subject\": \"" + subject + "\", \"text\": \"Hello\"}}}")
                        .status())
                .isEqualTo(200);
    }

    private Response publish(String key, String yaml) {
        return api.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/v1/journeys/" + key))
                .header("Authorization", bearer(shop.adminKey()))
                .header("Content-Type", "application/yaml")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(yaml)));
    }

    private List<String> subjects(String email) {
        return inbox.to(email).stream().map(JourneyVersionsTest::subject).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(1_500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
