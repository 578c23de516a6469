package io.hearth.segments;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;

/**
 * A customer stopped matching a segment, or their profile was merged into another one; published
 * once per exit. Deleting a segment publishes no exits.
 */
public record SegmentExited(TenantId tenantId, SegmentId segmentId, CustomerId customerId) {

    public SegmentExited {
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(segmentId, "segmentId is null");
        requireNonNull(customerId, "customerId is null");
    }
}
