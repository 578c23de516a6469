package io.hearth.journeys.internal;

import io.hearth.journeys.LoyaltyPort;
import io.hearth.loyalty.Idempotency;
import io.hearth.loyalty.LoyaltyManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Award-points steps as ledger adjustments by the actor {@code journey}: the ledger's idempotency
 * makes a retried step (a crash between the award and the step log) award once. Vouchers stay
 * unplugged: the loyalty facade has no voucher issuing yet, so the step is logged {@code not-plugged}.
 */
@Component
class LedgerLoyalty implements LoyaltyPort {

    static final String ACTOR = "journey";

    private final LoyaltyManagement loyalty;

    LedgerLoyalty(LoyaltyManagement loyalty) {
        this.loyalty = loyalty;
    }

    @Override
    public boolean awardPoints(TenantId tenant, CustomerId customer, long points, String reason, String key) {
        // The hash covers what was asked, so a changed step under the same key is refused, not re-applied.
        Idempotency idempotency = new Idempotency("journey:" + key, "award:" + points + ":" + reason);
        loyalty.adjust(tenant, customer, points, reason, ACTOR, idempotency);
        return true;
    }

    @Override
    public Optional<String> issueVoucher(TenantId tenant, CustomerId customer, Optional<String> offer, String key) {
        return Optional.empty();
    }
}
