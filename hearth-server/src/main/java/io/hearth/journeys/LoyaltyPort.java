package io.hearth.journeys;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.Optional;

/**
 * Where award-points and issue-voucher steps go: the adapter in {@code internal} awards through the
 * loyalty ledger and issues vouchers through the loyalty facade.
 */
public interface LoyaltyPort {

    /**
     * Awards points once per idempotency key.
     *
     * @return false when no loyalty module is plugged in
     */
    boolean awardPoints(TenantId tenant, CustomerId customer, long points, String reason, String idempotencyKey);

    /**
     * Issues a voucher once per idempotency key: the given offer, or the one the offer bandit chooses
     * when {@code offer} is empty.
     *
     * @return the voucher code, empty when no voucher came of it (no offer arm, or an arm without one)
     */
    Optional<String> issueVoucher(TenantId tenant, CustomerId customer, Optional<String> offer, String idempotencyKey);
}
