package io.hearth.profiles.internal;

import io.hearth.privacy.PrivacyManagement;
import io.hearth.profiles.CustomersMerged;
import io.hearth.profiles.CustomersUnmerged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells privacy of every merge and unmerge once it committed, so that consents follow the profile
 * (privacy cannot listen to profiles' events itself: profiles already depends on privacy). It runs
 * in the thread that merged, before profile building goes on to record the batch's own consents;
 * privacy's side is idempotent per merge id, so a redelivered event changes nothing.
 */
@Component
class ConsentsFollowMerges {

    private final PrivacyManagement privacy;

    ConsentsFollowMerges(PrivacyManagement privacy) {
        this.privacy = privacy;
    }

    @TransactionalEventListener
    void on(CustomersMerged merged) {
        privacy.followMerge(merged.tenantId(), merged.mergeId(), merged.survivor(), merged.absorbed());
    }

    // Unmerging publishes after its transaction ended, so this listener must also run without one.
    @TransactionalEventListener(fallbackExecution = true)
    void on(CustomersUnmerged unmerged) {
        privacy.followUnmerge(unmerged.tenantId(), unmerged.mergeId(), unmerged.survivor(), unmerged.restored());
    }
}
