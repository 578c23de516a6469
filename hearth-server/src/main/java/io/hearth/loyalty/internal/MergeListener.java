package io.hearth.loyalty.internal;

import io.hearth.profiles.CustomersMerged;
import io.hearth.profiles.CustomersUnmerged;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** A member's points follow their profile through merges and unmerges. */
@Component
class MergeListener {

    private final MergeTransfers transfers;

    MergeListener(MergeTransfers transfers) {
        this.transfers = transfers;
    }

    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void on(CustomersMerged merged) {
        transfers.merge(merged.tenantId(), merged.mergeId(), merged.survivor(), merged.absorbed());
    }

    // Unmerging publishes after its transaction ended, so this must also run without one.
    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void on(CustomersUnmerged unmerged) {
        transfers.unmerge(unmerged.tenantId(), unmerged.mergeId(), unmerged.survivor(), unmerged.restored());
    }
}
