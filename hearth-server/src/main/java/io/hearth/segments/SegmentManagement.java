package io.hearth.segments;

import io.hearth.segments.internal.SegmentService;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The segments facade. Every method enters the given tenant itself. Saving a segment evaluates it over
 * every live profile before answering, publishing {@link SegmentEntered} and {@link SegmentExited} for
 * each change; afterwards profile changes keep the membership current in the background.
 */
@Service
public class SegmentManagement {

    private final SegmentService service;

    SegmentManagement(SegmentService service) {
        this.service = service;
    }

    /**
     * @throws io.hearth.shared.HearthProblem {@link SegmentsProblem#INVALID_SEGMENT} for a blank name or
     *     an expression that does not compile to a bool, {@link SegmentsProblem#NAME_TAKEN}
     */
    public SegmentEvaluation create(TenantId tenant, String name, String expression) {
        return service.create(tenant, name, expression);
    }

    /**
     * Replaces name and expression and re-evaluates every live profile.
     *
     * @throws io.hearth.shared.HearthProblem as {@link #create}, and {@link SegmentsProblem#UNKNOWN_SEGMENT}
     */
    public SegmentEvaluation update(TenantId tenant, SegmentId segment, String name, String expression) {
        return service.update(tenant, segment, name, expression);
    }

    /**
     * Deletes the segment and its membership, without publishing exits.
     *
     * @throws io.hearth.shared.HearthProblem {@link SegmentsProblem#UNKNOWN_SEGMENT}
     */
    public void delete(TenantId tenant, SegmentId segment) {
        service.delete(tenant, segment);
    }

    public Optional<Segment> segment(TenantId tenant, SegmentId segment) {
        return service.segment(tenant, segment);
    }

    /** The tenant's segments by name, with member counts. */
    public List<Segment> segments(TenantId tenant) {
        return service.segments(tenant);
    }

    /**
     * Members in customer id order; pass the page's {@code next} as {@code after} for the next page.
     *
     * @throws io.hearth.shared.HearthProblem {@link SegmentsProblem#UNKNOWN_SEGMENT}
     */
    public MemberPage members(TenantId tenant, SegmentId segment, int limit, @Nullable CustomerId after) {
        return service.members(tenant, segment, limit, after);
    }

    /**
     * The segments a customer is in; a merged id answers for the profile it was merged into.
     *
     * @throws io.hearth.shared.HearthProblem {@code profiles.unknown-customer} for an unknown customer
     */
    public List<Segment> segmentsOf(TenantId tenant, CustomerId customer) {
        return service.segmentsOf(tenant, customer);
    }
}
