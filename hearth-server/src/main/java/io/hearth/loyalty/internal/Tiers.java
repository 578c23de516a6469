package io.hearth.loyalty.internal;

import io.hearth.loyalty.Tier;
import io.hearth.loyalty.TierChanged;
import io.hearth.loyalty.TierStatus;
import io.hearth.loyalty.internal.TierStore.MemberTier;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tiers qualify on points earned in a rolling window. Reaching a higher tier upgrades at once;
 * falling below the current tier starts a grace period, and only a member still below when it ends
 * is downgraded, to the tier they then qualify for. Each change is a {@link TierChanged} with a reason.
 * Runs inside the caller's transaction, under the member's account lock.
 */
@Component
class Tiers {

    private final TierStore store;
    private final LotStore lots;
    private final ApplicationEventPublisher publisher;
    private final Duration window;
    private final Duration grace;

    Tiers(TierStore store, LotStore lots, ApplicationEventPublisher publisher, LoyaltySettings settings) {
        this.store = store;
        this.lots = lots;
        this.publisher = publisher;
        this.window = settings.tierWindow();
        this.grace = settings.tierGrace();
    }

    void evaluate(TenantId tenant, CustomerId customer, Instant now) {
        List<Tier> tiers = store.tiers(tenant);
        if (tiers.isEmpty()) {
            return;
        }
        long earned = lots.earnedSince(tenant, customer, now.minus(window));
        Optional<Tier> qualified = qualified(tiers, earned);
        Optional<MemberTier> current = store.memberTier(tenant, customer);
        int have = current.map(tier -> rank(tiers, tier.tier())).orElse(-1);
        int reach = qualified.map(tier -> rank(tiers, tier.name())).orElse(-1);
        if (reach > have) {
            change(
                    tenant,
                    customer,
                    current,
                    qualified,
                    now,
                    "earned %d points in %d days, %s needs %d"
                            .formatted(
                                    earned,
                                    window.toDays(),
                                    qualified.orElseThrow().name(),
                                    qualified.orElseThrow().threshold()));
        } else if (reach == have) {
            current.ifPresent(
                    tier -> store.save(tenant, customer, new MemberTier(tier.tier(), tier.since(), null), now));
        } else {
            below(tenant, customer, current.orElseThrow(), qualified, earned, now);
        }
    }

    private void below(
            TenantId tenant,
            CustomerId customer,
            MemberTier current,
            Optional<Tier> qualified,
            long earned,
            Instant now) {
        if (current.belowSince() == null || now.isBefore(current.belowSince().plus(grace))) {
            Instant belowSince = current.belowSince() == null ? now : current.belowSince();
            store.save(tenant, customer, new MemberTier(current.tier(), current.since(), belowSince), now);
            return;
        }
        change(
                tenant,
                customer,
                Optional.of(current),
                qualified,
                now,
                "earned %d points in %d days, below %s for %d days of grace"
                        .formatted(earned, window.toDays(), current.tier(), grace.toDays()));
    }

    private void change(
            TenantId tenant,
            CustomerId customer,
            Optional<MemberTier> from,
            Optional<Tier> to,
            Instant now,
            String reason) {
        if (to.isPresent()) {
            store.save(tenant, customer, new MemberTier(to.get().name(), now, null), now);
        } else {
            store.remove(tenant, customer);
        }
        publisher.publishEvent(new TierChanged(
                tenant,
                customer,
                from.map(MemberTier::tier).orElse(null),
                to.map(Tier::name).orElse(null),
                reason,
                now));
    }

    TierStatus status(TenantId tenant, CustomerId customer, Instant now) {
        List<Tier> tiers = store.tiers(tenant);
        long earned = lots.earnedSince(tenant, customer, now.minus(window));
        Optional<MemberTier> current = store.memberTier(tenant, customer);
        int have = current.map(tier -> rank(tiers, tier.tier())).orElse(-1);
        @Nullable Tier next = have + 1 < tiers.size() ? tiers.get(have + 1) : null;
        return new TierStatus(
                current.map(MemberTier::tier).orElse(null),
                current.map(MemberTier::since).orElse(null),
                earned,
                next == null ? null : next.name(),
                next == null ? 0 : Math.max(0, next.threshold() - earned),
                current.map(MemberTier::belowSince)
                        .map(below -> below.plus(grace))
                        .orElse(null));
    }

    private static Optional<Tier> qualified(List<Tier> tiers, long earned) {
        return tiers.stream().filter(tier -> tier.threshold() <= earned).reduce((lower, higher) -> higher);
    }

    private static int rank(List<Tier> tiers, String name) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
