package io.hearth.profiles.internal;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Looks for probabilistic duplicates of profiles whose traits changed, after the change committed and
 * off the resolving thread. Idempotent: a redelivery recomputes the same keys and scores, and a pair
 * is proposed at most once.
 */
@Component
class MergeCandidatesListener {

    private final MergeReview review;

    MergeCandidatesListener(MergeReview review) {
        this.review = review;
    }

    @Async
    @TransactionalEventListener
    void on(ProfileTraitsChanged updated) {
        review.findCandidates(updated.tenantId(), updated.customers());
    }
}
