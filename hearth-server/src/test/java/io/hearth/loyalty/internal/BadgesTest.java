package io.hearth.loyalty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.loyalty.Badge;
import io.hearth.loyalty.Badge.Progress;
import io.hearth.loyalty.Idempotency;
import io.hearth.loyalty.LedgerTransaction;
import io.hearth.loyalty.LoyaltyManagement;
import io.hearth.loyalty.OrderLine;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A milestone is earned once with its points; a weekly streak counts weeks in a row with an order. */
@HearthTest
class BadgesTest {

    private static final Instant WEDNESDAY = Instant.parse("2026-12-02T10:00:00Z");

    @Autowired
    TestTenants tenants;

    @Autowired
    LoyaltyManagement loyalty;

    @Autowired
    Badges badges;

    @Test
    void aMilestoneIsEarnedOnceAndPaysItsPointsOnce() {
        TenantId shop = tenants.create().id();
        CustomerId member = CustomerId.random();
        badges.save(shop, new Badge("centurion", "Centurion", Badge.Kind.LIFETIME_POINTS, 100, 25, true));
        badges.save(shop, new Badge("regular", "Regular", Badge.Kind.ORDERS, 3, 0, true));
        loyalty.earnOrder(
                shop,
                member,
                "o-1",
                List.of(new OrderLine("1", null, null, BigDecimal.valueOf(60))),
                null,
                new Idempotency("e-1", "h"));
        assertThat(badges.progress(shop, member, true))
                .allSatisfy(progress -> assertThat(progress.earnedAt()).isNull());

        loyalty.adjust(shop, member, 40, "goodwill", "test", new Idempotency("a-1", "h"));
        List<Progress> first = badges.progress(shop, member, true);
        List<Progress> again = badges.progress(shop, member, true);

        Progress centurion = first.stream()
                .filter(p -> p.badge().badgeId().equals("centurion"))
                .findFirst()
                .orElseThrow();
        assertThat(centurion.value()).isEqualTo(100);
        assertThat(centurion.earnedAt()).isNotNull();
        assertThat(again)
                .filteredOn(p -> p.badge().badgeId().equals("centurion"))
                .singleElement()
                .satisfies(p -> assertThat(p.earnedAt()).isEqualTo(centurion.earnedAt()));
        assertThat(loyalty.history(shop, member, 50, null, null).stream()
                        .filter(t -> t.kind() == LedgerTransaction.Kind.BONUS))
                .singleElement()
                .satisfies(bonus -> {
                    assertThat(bonus.points()).isEqualTo(25);
                    assertThat(bonus.reason()).isEqualTo("Centurion: 100 lifetime points, 100 needed");
                });
        assertThat(first)
                .filteredOn(p -> p.badge().badgeId().equals("regular"))
                .singleElement()
                .satisfies(p -> assertThat(p.earnedAt()).isNull());
        assertThat(loyalty.reconcile(shop).clean()).isTrue();
    }

    @Test
    void aStreakCountsWeeksInARowAndIsNotBrokenBeforeTheWeekIsOver() {
        Instant thisWeek = Instant.parse("2026-11-30T09:00:00Z");
        Instant lastWeek = Instant.parse("2026-11-26T09:00:00Z");
        Instant twoWeeksAgo = Instant.parse("2026-11-16T09:00:00Z");
        Instant fourWeeksAgo = Instant.parse("2026-11-03T09:00:00Z");

        assertThat(Badges.weeklyStreak(List.of(thisWeek, lastWeek, twoWeeksAgo, fourWeeksAgo), WEDNESDAY))
                .isEqualTo(3);
        assertThat(Badges.weeklyStreak(List.of(lastWeek, twoWeeksAgo), WEDNESDAY))
                .isEqualTo(2);
        assertThat(Badges.weeklyStreak(List.of(twoWeeksAgo, fourWeeksAgo), WEDNESDAY))
                .isZero();
        assertThat(Badges.weeklyStreak(List.of(), WEDNESDAY)).isZero();
    }
}
