package io.hearth.recommendations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.privacy.Channel;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.IdentifierKind;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.MutableClock;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A change made where this node hears no event of it (another node, the database directly) reaches a
 * remembered customer through the owners' change feeds, asked every {@code refresh-interval}; a
 * remembered customer is not read again only because time passed, and customers can be read ahead.
 */
@HearthTest
class ShopperDirectoryChangeFeedTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    ProfileManagement profiles;

    @Autowired
    ShopperDirectory directory;

    @Autowired
    FatigueStore fatigue;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    TestTenant shop;
    CustomerId ada;

    @BeforeEach
    void rememberAda() {
        shop = tenants.create();
        ada = identify("ada");
        assertThat(directory.mayPersonalize(shop.id(), directory.resolve(shop.id(), ada), Channel.EMAIL))
                .isTrue();
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void aWithdrawalThisNodeDidNotHearOfIsSeenOnceTheConsentFeedIsAsked() {
        withdrawBehindTheServersBack();
        assertThat(directory.mayPersonalize(shop.id(), ada, Channel.EMAIL))
                .as("until the feed is asked, the remembered consent is trusted")
                .isTrue();

        clock.advance(INTERVAL);
        directory.followChanges();

        assertThat(directory.mayPersonalize(shop.id(), ada, Channel.EMAIL)).isFalse();
    }

    @Test
    void anIdentityLinkedOnAnotherNodeIsSeenOnceTheProfilesFeedIsAsked() {
        assertThat(directory.identities(shop.id(), ada)).doesNotContain("a:phone-of-ada");
        TenantContext.run(
                shop.id(),
                () -> jdbc.sql("""
                        insert into profiles_identifier (tenant_id, kind, value, customer_id, created_at)
                        values (:tenant, 'anonymous_id', 'phone-of-ada', :customer, :at)""")
                        .param("tenant", shop.id().value())
                        .param("customer", ada.value())
                        .param("at", Timestamp.from(clock.instant()))
                        .update());

        clock.advance(INTERVAL);
        directory.followChanges();

        assertThat(directory.identities(shop.id(), ada)).contains("a:phone-of-ada");
    }

    @Test
    void aChangeMadeJustBeforeThePreviousQuestionIsStillCaughtByTheOverlap() {
        clock.advance(INTERVAL);
        directory.followChanges();
        // committed late: stamped before the question above, but not visible to it
        withdrawBehindTheServersBack(clock.instant().minusSeconds(5));

        clock.advance(INTERVAL);
        directory.followChanges();

        assertThat(directory.mayPersonalize(shop.id(), ada, Channel.EMAIL)).isFalse();
    }

    @Test
    void aRememberedCustomerIsNotReadAgainOnlyBecauseTimePassed() {
        // the first question looks back one interval before the tenant was first remembered: Ada is in it
        clock.advance(INTERVAL);
        directory.followChanges();
        assertThat(directory.mayPersonalize(shop.id(), directory.resolve(shop.id(), ada), Channel.EMAIL))
                .isTrue();

        clock.advance(INTERVAL.multipliedBy(10));
        directory.followChanges();

        assertThat(directory.remembers(shop.id(), ada)).isTrue();
    }

    @Test
    void customersReadAheadNeedNoQueryOnTheirFirstSlate() {
        CustomerId bob = identify("bob");
        assertThat(directory.remembers(shop.id(), bob)).isFalse();
        List<FatigueStore.Showing> shown = new ArrayList<>();
        for (int slate = 0; slate < 5; slate++) {
            shown.add(new FatigueStore.Showing(bob.value(), "kettle"));
            shown.add(new FatigueStore.Showing(bob.value(), "slate-" + slate));
        }
        TenantContext.run(shop.id(), () -> fatigue.store(shop.id(), shown, clock.instant()));

        directory.preload(shop.id(), 1_000);

        assertThat(directory.remembers(shop.id(), bob)).isTrue();
        assertThat(fatigue.remembers(shop.id(), bob)).isTrue();
        assertThat(fatigue.fatigued(shop.id(), bob, 5)).containsExactly("kettle");
        assertThat(directory.identities(shop.id(), bob))
                .containsExactly("u:bob-" + shop.id().value());
    }

    private CustomerId identify(String name) {
        String userId = name + "-" + shop.id().value();
        new Api(port).post("/v1/identify", Api.basic(shop.writeKey()), """
                        {"userId": "%s", "traits": {"email": "%s@example.com"}}""".formatted(userId, name));
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> profiles.lookup(shop.id(), IdentifierKind.USER_ID, userId), Optional::isPresent)
                .map(CustomerProfile::customerId)
                .orElseThrow();
    }

    private void withdrawBehindTheServersBack() {
        withdrawBehindTheServersBack(clock.instant());
    }

    /** As another node would: the consent row changes, and this node hears no event of it. */
    private void withdrawBehindTheServersBack(Instant recordedAt) {
        TenantContext.run(
                shop.id(),
                () -> jdbc.sql("""
                        insert into privacy_consent (tenant_id, customer_id, purpose, channel, granted, source,
                            occurred_at, recorded_at)
                        values (:tenant, :customer, 'personalization', 'any', false, :source, :at, :at)
                        on conflict (tenant_id, customer_id, purpose, channel)
                        do update set granted = false, occurred_at = excluded.occurred_at,
                            recorded_at = excluded.recorded_at""")
                        .param("tenant", shop.id().value())
                        .param("customer", ada.value())
                        .param("source", "another-node-" + UUID.randomUUID())
                        .param("at", Timestamp.from(recordedAt))
                        .update());
    }
}
