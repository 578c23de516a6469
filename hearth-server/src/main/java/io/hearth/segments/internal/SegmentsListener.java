package io.hearth.segments.internal;

import io.hearth.profiles.CustomerUpdated;
import io.hearth.profiles.CustomersMerged;
import io.hearth.profiles.CustomersUnmerged;
import java.util.List;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps membership current as profiles change, after the profile work committed and off its thread.
 * Re-evaluation compares with the stored membership, so a redelivered event changes nothing.
 */
@Component
class SegmentsListener {

    private final SegmentEvaluator segments;

    SegmentsListener(SegmentEvaluator segments) {
        this.segments = segments;
    }

    @Async
    @TransactionalEventListener
    void on(CustomerUpdated updated) {
        segments.reevaluate(updated.tenantId(), updated.customers());
    }

    /** The absorbed profile is no longer live, so it leaves every segment; the survivor is re-evaluated. */
    @Async
    @TransactionalEventListener
    void on(CustomersMerged merged) {
        segments.reevaluate(merged.tenantId(), List.of(merged.absorbed(), merged.survivor()));
    }

    // Unmerging publishes after its transaction ended, so this listener must also run without one.
    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void on(CustomersUnmerged unmerged) {
        segments.reevaluate(unmerged.tenantId(), List.of(unmerged.survivor(), unmerged.restored()));
    }
}
