package io.hearth.segments.internal;

import io.hearth.privacy.Decision;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.segments.SegmentEntered;
import io.hearth.segments.SegmentExited;
import io.hearth.segments.SegmentId;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announces a membership change to the rest of Hearth and writes it to the decision log: entering a
 * segment is an automated decision about the customer (journeys and offers act on it), so it is
 * audited like one.
 */
@Component
class MembershipAnnouncer {

    private final ApplicationEventPublisher publisher;
    private final PrivacyManagement privacy;
    private final JsonMapper json;

    MembershipAnnouncer(ApplicationEventPublisher publisher, PrivacyManagement privacy, JsonMapper json) {
        this.publisher = publisher;
        this.privacy = privacy;
        this.json = json;
    }

    void entered(TenantId tenant, SegmentId segment, CustomerId customer) {
        publisher.publishEvent(new SegmentEntered(tenant, segment, customer));
        record(tenant, segment, customer, "segment.entered", "the profile matches the segment's expression");
    }

    void exited(TenantId tenant, SegmentId segment, CustomerId customer) {
        publisher.publishEvent(new SegmentExited(tenant, segment, customer));
        record(tenant, segment, customer, "segment.exited", "the profile no longer matches the segment's expression");
    }

    private void record(TenantId tenant, SegmentId segment, CustomerId customer, String type, String reason) {
        privacy.recordDecision(
                tenant,
                new Decision(
                        customer,
                        type,
                        json.createObjectNode().put("segment", segment.value().toString()),
                        "segment:" + segment.value(),
                        segment.value().toString(),
                        reason,
                        null));
    }
}
