package io.hearth.messaging.internal;

import io.hearth.loyalty.Balance;
import io.hearth.loyalty.LoyaltyManagement;
import io.hearth.loyalty.TierStatus;
import io.hearth.messaging.VariableSource;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code loyalty}: the member's points ({@code balance} spendable now, {@code pending} on orders in
 * their return window, {@code lifetime_earned}) and tier ({@code tier}, {@code next_tier}, {@code
 * points_to_next_tier}). A customer who never earned is a member with zero points, not a missing
 * value; tier names are empty text without a tier so {@code | default:} works.
 */
@Component
class LoyaltyVariables implements VariableSource {

    private final LoyaltyManagement loyalty;

    LoyaltyVariables(LoyaltyManagement loyalty) {
        this.loyalty = loyalty;
    }

    @Override
    public String namespace() {
        return "loyalty";
    }

    @Override
    public Object sample() {
        return Map.of(
                "balance", 120L,
                "pending", 40L,
                "lifetime_earned", 560L,
                "tier", "silver",
                "next_tier", "gold",
                "points_to_next_tier", 440L);
    }

    @Override
    public Optional<Object> resolve(TenantId tenant, CustomerId customer) {
        Balance balance = loyalty.balance(tenant, customer);
        TierStatus tier = loyalty.tierStatus(tenant, customer);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("balance", balance.available());
        values.put("pending", balance.pending());
        values.put("lifetime_earned", balance.lifetimeEarned());
        values.put("tier", tier.tier() == null ? "" : tier.tier());
        values.put("next_tier", tier.nextTier() == null ? "" : tier.nextTier());
        values.put("points_to_next_tier", tier.pointsToNextTier());
        return Optional.of(values);
    }
}
