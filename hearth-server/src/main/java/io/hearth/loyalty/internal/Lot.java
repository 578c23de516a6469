package io.hearth.loyalty.internal;

import io.hearth.shared.CustomerId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Points that arrived together (one order line, one bonus, one adjustment). Spending and expiry
 * take from the oldest-expiring lots first; a refund finds an order line's points by its lot.
 */
final class Lot {

    enum State {
        PENDING,
        AVAILABLE,
        REVERSED
    }

    final UUID lotId;
    final CustomerId customer;
    final UUID transactionId;
    final @Nullable String orderId;
    final @Nullable String lineId;
    final @Nullable String category;
    final long points;
    final Instant earnedAt;
    long remaining;
    long expired;
    State state;

    @Nullable
    Instant availableAt;

    @Nullable
    Instant expiresAt;

    Lot(
            UUID lotId,
            CustomerId customer,
            UUID transactionId,
            @Nullable String orderId,
            @Nullable String lineId,
            @Nullable String category,
            long points,
            Instant earnedAt,
            State state) {
        this.lotId = lotId;
        this.customer = customer;
        this.transactionId = transactionId;
        this.orderId = orderId;
        this.lineId = lineId;
        this.category = category;
        this.points = points;
        this.earnedAt = earnedAt;
        this.remaining = points;
        this.state = state;
    }

    /** The points become spendable until {@code expiresAt}; {@code settled} of them pay an open shortfall. */
    void release(Instant now, Instant expiresAt, long settled) {
        this.state = State.AVAILABLE;
        this.availableAt = now;
        this.expiresAt = expiresAt;
        this.remaining = points - settled;
    }

    /** What a refund of this lot takes back: all of it, except what already expired. */
    long reversible() {
        return points - expired;
    }

    boolean isBonus() {
        return lineId != null && lineId.startsWith("bonus:");
    }
}
