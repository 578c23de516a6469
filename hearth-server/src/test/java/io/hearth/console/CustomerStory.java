package io.hearth.console;

import static io.hearth.testing.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.privacy.PrivacyManagement;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.IdentifierKind;
import io.hearth.profiles.ProfileManagement;
import io.hearth.testing.Api;
import io.hearth.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Ada's story as a shop sends it: she browses anonymously, signs up with her email (opting in to
 * email marketing), orders twice, and later signs in on a tablet that Hearth first saw as someone
 * else. Waits for the profiles the events build, which happens after ingestion, between steps whose
 * order matters.
 */
final class CustomerStory {

    static final String EMAIL = "ada@example.com";
    static final String TABLET_USER = "ada-tablet";

    private final Api api;
    private final TestTenant shop;
    private final ProfileManagement profiles;
    private final PrivacyManagement privacy;

    CustomerStory(Api api, TestTenant shop, ProfileManagement profiles, PrivacyManagement privacy) {
        this.api = api;
        this.shop = shop;
        this.profiles = profiles;
        this.privacy = privacy;
    }

    /** Browsing, sign-up with traits and consent, two orders: five events on one profile. */
    CustomerProfile adaShops() {
        send("/v1/page", """
                {"anonymousId":"anon-ada","name":"Home","timestamp":"2026-03-01T09:00:00Z"}""");
        send("/v1/track", """
                {"anonymousId":"anon-ada","event":"Product Viewed","properties":{"product_id":"kettle"},
                 "timestamp":"2026-03-01T09:01:00Z"}""");
        awaitProfile(
                IdentifierKind.ANONYMOUS_ID,
                "anon-ada",
                profile -> profile.computed().eventsCount() == 2);
        send("/v1/identify", """
                {"userId":"ada","anonymousId":"anon-ada","timestamp":"2026-03-01T09:05:00Z",
                 "traits":{"email":"Ada@Example.com","first_name":"Ada","plan":"gold","email_opt_in":true}}""");
        // One step at a time: orders processed before the sign-up would make a second profile, merged later.
        awaitProfile(IdentifierKind.USER_ID, "ada", profile -> true);
        send("/v1/track", order("o-1", "40.00", "2026-03-01T09:10:00Z", "Kitchen"));
        send("/v1/track", order("o-2", "60.00", "2026-03-20T18:00:00Z", "Garden"));
        CustomerProfile ada = awaitProfile(
                IdentifierKind.EMAIL, EMAIL, profile -> profile.computed().eventsCount() == 5);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !privacy.currentConsents(shop.id(), ada.customerId())
                        .current()
                        .isEmpty());
        return ada;
    }

    /** The tablet's user first gets a profile of its own, then identifies with Ada's email: a merge. */
    CustomerProfile adaSignsInOnHerTablet() {
        send("/v1/track", """
                {"userId":"ada-tablet","event":"Product Viewed","properties":{"product_id":"lamp"}}""");
        awaitProfile(IdentifierKind.USER_ID, TABLET_USER, profile -> true);
        send("/v1/identify", """
                {"userId":"ada-tablet","traits":{"email":"ada@example.com"}}""");
        CustomerProfile merged = awaitProfile(
                IdentifierKind.EMAIL,
                EMAIL,
                profile -> profile.identifiers().stream()
                        .anyMatch(identifier -> identifier.value().equals(TABLET_USER)));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !profiles.merges(shop.id(), merged.customerId()).isEmpty());
        return merged;
    }

    /** A reader who reads many articles, one a minute: a timeline longer than a page. */
    CustomerProfile readerBrowses(int articles) {
        StringBuilder batch = new StringBuilder("{\"batch\":[");
        for (int article = 1; article <= articles; article++) {
            batch.append(article == 1 ? "" : ",")
                    .append("{\"type\":\"track\",\"userId\":\"reader\",\"event\":\"Article ")
                    .append(article)
                    .append(" Read\",\"timestamp\":\"")
                    .append(Instant.parse("2026-04-01T08:00:00Z").plusSeconds(60L * article))
                    .append("\"}");
        }
        send("/v1/batch", batch.append("]}").toString());
        return awaitProfile(
                IdentifierKind.USER_ID, "reader", profile -> profile.computed().eventsCount() == articles);
    }

    CustomerProfile awaitProfile(IdentifierKind kind, String value, Predicate<CustomerProfile> ready) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> profiles.lookup(shop.id(), kind, value).orElse(null),
                        profile -> profile != null && ready.test(profile));
    }

    private void send(String path, String body) {
        assertThat(api.post(path, basic(shop.writeKey()), body).status())
                .as(body)
                .isEqualTo(200);
    }

    private static String order(String id, String total, String at, String category) {
        return "{\"userId\":\"ada\",\"event\":\"Order Completed\",\"messageId\":\"" + id + "\",\"timestamp\":\"" + at
                + "\",\"properties\":{\"order_id\":\"" + id + "\",\"total\":\"" + total
                + "\",\"currency\":\"EUR\",\"products\":[{\"product_id\":\"p\",\"category\":\"" + category
                + "\",\"price\":1,\"quantity\":1}]}}";
    }
}
