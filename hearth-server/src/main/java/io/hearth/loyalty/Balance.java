package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.CustomerId;

/**
 * A member's points as the ledger projection holds them.
 *
 * @param available spendable now; negative only while a shortfall is open
 * @param pending earned on orders whose return window is still open
 * @param lifetimeEarned every point ever credited, less what refunds took back
 * @param shortfall points a refund took back after they were spent; the next points that become
 *     available settle it first
 */
public record Balance(
        CustomerId customerId,
        long available,
        long pending,
        long lifetimeEarned,
        long redeemed,
        long expired,
        long shortfall) {

    public Balance {
        requireNonNull(customerId, "customerId is null");
    }

    public static Balance empty(CustomerId customer) {
        return new Balance(customer, 0, 0, 0, 0, 0, 0);
    }
}
