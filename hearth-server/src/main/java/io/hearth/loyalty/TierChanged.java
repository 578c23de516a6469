package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A member moved to another tier; {@code reason} says why in words a person reads. */
public record TierChanged(
        TenantId tenantId,
        CustomerId customerId,
        @Nullable String from,
        @Nullable String to,
        String reason,
        Instant at) {

    public TierChanged {
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(customerId, "customerId is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(at, "at is null");
    }
}
