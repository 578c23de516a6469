package io.hearth.privacy;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;

/**
 * A customer's recorded answer for a purpose and channel changed (or was given for the first time).
 * Published in the transaction that recorded it; delivered at least once, so listeners must be
 * idempotent. To know what is allowed now, ask {@link PrivacyManagement#mayUse}.
 */
public record ConsentChanged(TenantId tenant, CustomerId customer, Purpose purpose, Channel channel, boolean granted) {

    public ConsentChanged {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(customer, "customer is null");
        requireNonNull(purpose, "purpose is null");
        requireNonNull(channel, "channel is null");
    }
}
