package io.hearth.profiles;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.List;

/** Profiles whose traits or computed attributes changed with a batch of events. */
public record CustomerUpdated(TenantId tenantId, List<CustomerId> customers) {

    public CustomerUpdated {
        customers = List.copyOf(customers);
    }
}
