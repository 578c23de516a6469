package io.hearth.loyalty.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the loyalty module.
 *
 * @param pointsLifetime how long points stay available before they expire, counted per lot from
 *     when it became available
 * @param expiryReminder how long before a lot expires the member is reminded ({@code PointsExpiring})
 * @param maintenanceInterval how often expiry, reminders and tier downgrades run
 * @param reconciliationInterval how often every balance is recomputed from the entries
 * @param tierWindow the rolling window of earned points that qualifies for a tier
 * @param tierGrace how long a member keeps a tier after falling below it
 * @param earnHistory how old a paid order may be when it reaches Hearth and still earn points by
 *     itself; older ones (an import of past orders) earn nothing unless awarded explicitly
 * @param programCacheTtl how long a node keeps a tenant's earn rules, tiers and rewards in memory;
 *     a change made on another node is seen after at most this long ({@code PT0S} reads them every time)
 */
@ConfigurationProperties("hearth.loyalty")
record LoyaltySettings(
        @DefaultValue("P365D") Duration pointsLifetime,
        @DefaultValue("P14D") Duration expiryReminder,
        @DefaultValue("PT1M") Duration maintenanceInterval,
        @DefaultValue("PT1H") Duration reconciliationInterval,
        @DefaultValue("P365D") Duration tierWindow,
        @DefaultValue("P30D") Duration tierGrace,
        @DefaultValue("P365D") Duration earnHistory,
        @DefaultValue("PT10S") Duration programCacheTtl) {

    LoyaltySettings {
        positive("points-lifetime", pointsLifetime);
        positive("maintenance-interval", maintenanceInterval);
        positive("reconciliation-interval", reconciliationInterval);
        positive("tier-window", tierWindow);
        positive("earn-history", earnHistory);
        if (expiryReminder.isNegative() || expiryReminder.compareTo(pointsLifetime) >= 0) {
            throw new IllegalArgumentException("hearth.loyalty.expiry-reminder must be shorter than the lifetime");
        }
        if (programCacheTtl.isNegative()) {
            throw new IllegalArgumentException("hearth.loyalty.program-cache-ttl must not be negative");
        }
        if (tierGrace.isNegative()) {
            throw new IllegalArgumentException("hearth.loyalty.tier-grace must not be negative");
        }
    }

    private static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("hearth.loyalty." + name + " must be positive");
        }
    }
}
