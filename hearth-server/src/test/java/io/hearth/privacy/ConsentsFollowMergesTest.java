package io.hearth.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The combination rule of consents across a merge, and its undoing, through the privacy facade. */
@HearthTest
@RecordApplicationEvents
class ConsentsFollowMergesTest {

    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");
    private static final CustomerId SURVIVOR = CustomerId.of("survivor");
    private static final CustomerId ABSORBED = CustomerId.of("absorbed");

    @Autowired
    TestTenants tenants;

    @Autowired
    PrivacyManagement privacy;

    @Autowired
    ApplicationEvents events;

    TenantId shop;

    @BeforeEach
    void aShop() {
        shop = tenants.create().id();
    }

    @Test
    void theMostRecentChoiceOfEitherSideWinsAndAnOlderGrantNeverOverridesAWithdrawal() {
        record(SURVIVOR, Purpose.MARKETING, Channel.EMAIL, true, 1);
        record(ABSORBED, Purpose.MARKETING, Channel.EMAIL, false, 2);
        record(ABSORBED, Purpose.MARKETING, Channel.SMS, true, 3);
        record(SURVIVOR, Purpose.MARKETING, Channel.SMS, false, 4);
        record(SURVIVOR, Purpose.PROFILING, Channel.ANY, false, 5);
        record(ABSORBED, Purpose.PROFILING, Channel.ANY, true, 6);
        record(ABSORBED, Purpose.MARKETING, Channel.PUSH, true, 7);

        privacy.followMerge(shop, UUID.randomUUID(), SURVIVOR, ABSORBED);

        assertThat(mayUse(SURVIVOR, Purpose.MARKETING, Channel.EMAIL)).isFalse();
        assertThat(mayUse(SURVIVOR, Purpose.MARKETING, Channel.SMS)).isFalse();
        assertThat(mayUse(SURVIVOR, Purpose.PROFILING, Channel.ANY)).isTrue();
        assertThat(mayUse(SURVIVOR, Purpose.MARKETING, Channel.PUSH)).isTrue();
        assertThat(privacy.currentConsents(shop, SURVIVOR).current()).hasSize(4);
        assertThat(privacy.currentConsents(shop, ABSORBED).current())
                .isEqualTo(privacy.currentConsents(shop, SURVIVOR).current());
        assertThat(privacy.consentHistory(shop, SURVIVOR)).hasSize(7);
        assertThat(privacy.consentHistory(shop, ABSORBED)).hasSize(4);
    }

    @Test
    void atTheSameInstantAWithdrawalWinsOverAGrant() {
        record(SURVIVOR, Purpose.MARKETING, Channel.EMAIL, true, 1);
        record(ABSORBED, Purpose.MARKETING, Channel.EMAIL, false, 1);
        record(SURVIVOR, Purpose.ANALYTICS, Channel.ANY, false, 2);
        record(ABSORBED, Purpose.ANALYTICS, Channel.ANY, true, 2);

        privacy.followMerge(shop, UUID.randomUUID(), SURVIVOR, ABSORBED);

        assertThat(mayUse(SURVIVOR, Purpose.MARKETING, Channel.EMAIL)).isFalse();
        assertThat(mayUse(SURVIVOR, Purpose.ANALYTICS, Channel.ANY)).isFalse();
    }

    @Test
    void aMergeAnnouncesWhatItChangesOnceEvenWhenDeliveredTwice() {
        record(SURVIVOR, Purpose.MARKETING, Channel.EMAIL, true, 1);
        record(ABSORBED, Purpose.MARKETING, Channel.EMAIL, false, 2);
        record(ABSORBED, Purpose.MARKETING, Channel.SMS, true, 3);
        UUID merge = UUID.randomUUID();
        long before = events.stream(ConsentChanged.class).count();

        privacy.followMerge(shop, merge, SURVIVOR, ABSORBED);
        privacy.followMerge(shop, merge, SURVIVOR, ABSORBED);

        assertThat(events.stream(ConsentChanged.class).skip(before))
                .containsExactly(
                        new ConsentChanged(shop, SURVIVOR, Purpose.MARKETING, Channel.EMAIL, false),
                        new ConsentChanged(shop, SURVIVOR, Purpose.MARKETING, Channel.SMS, true));
    }

    @Test
    void unmergeRestoresEachSidesOwnConsents() {
        record(SURVIVOR, Purpose.MARKETING, Channel.EMAIL, true, 1);
        record(ABSORBED, Purpose.MARKETING, Channel.EMAIL, false, 2);
        record(ABSORBED, Purpose.MARKETING, Channel.SMS, true, 3);
        UUID merge = UUID.randomUUID();
        privacy.followMerge(shop, merge, SURVIVOR, ABSORBED);
        long before = events.stream(ConsentChanged.class).count();

        privacy.followUnmerge(shop, merge, SURVIVOR, ABSORBED);
        privacy.followUnmerge(shop, merge, SURVIVOR, ABSORBED);

        assertThat(mayUse(SURVIVOR, Purpose.MARKETING, Channel.EMAIL)).isTrue();
        assertThat(mayUse(SURVIVOR, Purpose.MARKETING, Channel.SMS)).isFalse();
        assertThat(mayUse(ABSORBED, Purpose.MARKETING, Channel.EMAIL)).isFalse();
        assertThat(mayUse(ABSORBED, Purpose.MARKETING, Channel.SMS)).isTrue();
        assertThat(privacy.consentHistory(shop, SURVIVOR)).hasSize(1);
        // The survivor gets its own email answer back and loses the absorbed side's SMS opt-in; the
        // restored customer's answers were the survivor's until now and are its own again.
        assertThat(events.stream(ConsentChanged.class).skip(before))
                .containsExactly(
                        new ConsentChanged(shop, SURVIVOR, Purpose.MARKETING, Channel.EMAIL, true),
                        new ConsentChanged(shop, SURVIVOR, Purpose.MARKETING, Channel.SMS, false));
    }

    @Test
    void anUnmergeThatArrivesBeforeItsMergeLeavesBothApart() {
        record(ABSORBED, Purpose.MARKETING, Channel.EMAIL, true, 1);
        UUID merge = UUID.randomUUID();

        privacy.followUnmerge(shop, merge, SURVIVOR, ABSORBED);
        privacy.followMerge(shop, merge, SURVIVOR, ABSORBED);

        assertThat(mayUse(SURVIVOR, Purpose.MARKETING, Channel.EMAIL)).isFalse();
        assertThat(mayUse(ABSORBED, Purpose.MARKETING, Channel.EMAIL)).isTrue();
    }

    @Test
    void mergesNestAndAChangeRecordedForAnAbsorbedIdCountsForItsProfile() {
        CustomerId oldest = CustomerId.of("oldest");
        privacy.followMerge(shop, UUID.randomUUID(), SURVIVOR, ABSORBED);
        UUID outer = UUID.randomUUID();
        privacy.followMerge(shop, outer, oldest, SURVIVOR);

        record(ABSORBED, Purpose.MARKETING, Channel.EMAIL, true, 1);

        assertThat(mayUse(oldest, Purpose.MARKETING, Channel.EMAIL)).isTrue();
        assertThat(mayUse(SURVIVOR, Purpose.MARKETING, Channel.EMAIL)).isTrue();
        assertThat(events.stream(ConsentChanged.class))
                .contains(new ConsentChanged(shop, oldest, Purpose.MARKETING, Channel.EMAIL, true));

        privacy.followUnmerge(shop, outer, oldest, SURVIVOR);

        assertThat(mayUse(oldest, Purpose.MARKETING, Channel.EMAIL)).isFalse();
        assertThat(mayUse(SURVIVOR, Purpose.MARKETING, Channel.EMAIL)).isTrue();
    }

    private void record(CustomerId customer, Purpose purpose, Channel channel, boolean granted, int minute) {
        privacy.recordConsent(
                shop, new ConsentChange(customer, purpose, channel, granted, "api", T.plusSeconds(60L * minute), null));
    }

    private boolean mayUse(CustomerId customer, Purpose purpose, Channel channel) {
        return privacy.mayUse(shop, customer, purpose, channel);
    }
}
