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
 * remembered customer by re-reading: past {@code refresh-interval} the remembered answer is served
 * once more while it is read again in the background, and past twice the interval it is not served.
 */
@HearthTest
class ShopperDirectoryRefreshTest {

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
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    TestTenant shop;
    CustomerId ada;

    @BeforeEach
    void rememberAda() {
        shop = tenants.create();
        new Api(port).post("/v1/identify", Api.basic(shop.writeKey()), """
                        {"userId": "ada-%s", "traits": {"email": "ada@example.com"}}""".formatted(
                        shop.id().value()));
        ada = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> profiles.lookup(
                                shop.id(),
                                IdentifierKind.USER_ID,
                                "ada-" + shop.id().value()),
                        Optional::isPresent)
                .map(CustomerProfile::customerId)
                .orElseThrow();
        assertThat(directory.mayPersonalize(shop.id(), directory.resolve(shop.id(), ada), Channel.EMAIL))
                .isTrue();
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void aWithdrawalThisNodeDidNotHearOfIsServedOnceMorePastTheIntervalThenReadInTheBackground() {
        withdrawBehindTheServersBack();
        assertThat(directory.mayPersonalize(shop.id(), ada, Channel.EMAIL))
                .as("within the interval the remembered consent is trusted")
                .isTrue();

        clock.advance(INTERVAL.plusSeconds(1));
        assertThat(directory.remembers(shop.id(), ada))
                .as("a stale entry is still served without a read on the request")
                .isTrue();
        assertThat(directory.mayPersonalize(shop.id(), ada, Channel.EMAIL)).isTrue();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(directory.mayPersonalize(shop.id(), ada, Channel.EMAIL))
                        .as("the background read has replaced it")
                        .isFalse());
    }

    @Test
    void anEntryOlderThanTwiceTheIntervalIsReadOnTheRequest() {
        withdrawBehindTheServersBack();
        clock.advance(INTERVAL.multipliedBy(2).plusSeconds(1));

        assertThat(directory.remembers(shop.id(), ada)).isFalse();
        assertThat(directory.mayPersonalize(shop.id(), ada, Channel.EMAIL)).isFalse();
    }

    @Test
    void aStaleEntryEvictedByALocalChangeIsReadOnTheNextRequest() {
        clock.advance(INTERVAL.plusSeconds(1));
        withdrawBehindTheServersBack();
        directory.evictConsents(shop.id(), ada);

        assertThat(directory.mayPersonalize(shop.id(), ada, Channel.EMAIL)).isFalse();
    }

    /** As another node would: the consent row changes, and this node hears no event of it. */
    private void withdrawBehindTheServersBack() {
        Instant now = clock.instant();
        TenantContext.run(
                shop.id(),
                () -> jdbc.sql("""
                        insert into privacy_consent (tenant_id, customer_id, purpose, channel, granted, source,
                            occurred_at, recorded_at)
                        values (:tenant, :customer, 'personalization', 'any', false, :source, :at, :at)
                        on conflict (tenant_id, customer_id, purpose, channel)
                        do update set granted = false, occurred_at = excluded.occurred_at""")
                        .param("tenant", shop.id().value())
                        .param("customer", ada.value())
                        .param("source", "another-node-" + UUID.randomUUID())
                        .param("at", Timestamp.from(now))
                        .update());
    }
}
