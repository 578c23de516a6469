package io.hearth.predictions.internal;

import io.hearth.profiles.CustomerUpdated;
import io.hearth.profiles.CustomersMerged;
import io.hearth.profiles.CustomersUnmerged;
import java.util.List;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Keeps scores current as profiles change, after the profile work committed and off its thread. */
@Component
class PredictionsListener {

    private final Rescorer rescorer;
    private final TrainingSchedule training;

    PredictionsListener(Rescorer rescorer, TrainingSchedule training) {
        this.rescorer = rescorer;
        this.training = training;
    }

    @Async
    @TransactionalEventListener
    void on(CustomerUpdated updated) {
        rescorer.rescore(updated.tenantId(), updated.customers());
        training.ensureScheduled(updated.tenantId());
    }

    /** The absorbed profile's score is gone with it; the survivor's is recomputed. */
    @Async
    @TransactionalEventListener
    void on(CustomersMerged merged) {
        rescorer.forget(merged.tenantId(), merged.absorbed());
        rescorer.rescore(merged.tenantId(), List.of(merged.survivor()));
    }

    // Unmerging publishes after its transaction ended, so this listener must also run without one.
    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void on(CustomersUnmerged unmerged) {
        rescorer.rescore(unmerged.tenantId(), List.of(unmerged.survivor(), unmerged.restored()));
    }
}
