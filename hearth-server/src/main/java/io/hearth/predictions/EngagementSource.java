package io.hearth.predictions;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What customers did besides buying, told to the churn model by the modules that record it (messaging
 * for opens and clicks, support for contacts). Those modules depend on predictions, so they implement
 * this contract rather than predictions calling them.
 *
 * <p>Implementations read only; the caller is inside the tenant (row-level security applies).
 */
public interface EngagementSource {

    /**
     * The engagements of these customers strictly before {@code before}, in any order. Nothing at or
     * after it: training passes its cut-off, so the label window never leaks into the features.
     */
    List<CustomerEngagement> engagements(TenantId tenant, Collection<CustomerId> customers, Instant before);
}
