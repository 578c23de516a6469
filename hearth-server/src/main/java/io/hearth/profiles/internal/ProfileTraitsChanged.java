package io.hearth.profiles.internal;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.List;

/**
 * Profiles whose traits changed (an identify, traits in an event's context, a merge). Only these can
 * gain or lose a probabilistic duplicate, so the merge-candidate search listens to this instead of to
 * every {@link io.hearth.profiles.CustomerUpdated}, which names each profile that received an event.
 */
public record ProfileTraitsChanged(TenantId tenantId, List<CustomerId> customers) {

    public ProfileTraitsChanged {
        customers = List.copyOf(customers);
    }
}
