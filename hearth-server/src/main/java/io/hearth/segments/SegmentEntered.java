package io.hearth.segments;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;

/** A customer started matching a segment; published once per entry, after the membership committed. */
public record SegmentEntered(TenantId tenantId, SegmentId segmentId, CustomerId customerId) {

    public SegmentEntered {
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(segmentId, "segmentId is null");
        requireNonNull(customerId, "customerId is null");
    }
}
