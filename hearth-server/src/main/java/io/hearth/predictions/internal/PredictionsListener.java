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
    private final RescoreQueue queue;
    private final PredictionSettings settings;

    PredictionsListener(Rescorer rescorer, RescoreQueue queue, PredictionSettings settings) {
        this.rescorer = rescorer;
        this.queue = queue;
        this.settings = settings;
    }

    /**
     * Live changes wait a moment in the queue, to be rescored together with the customer's next few
     * changes and other customers' (see {@link RescoreQueue}). A bulk change (an import of history) is left to the sweep after
     * the next durable training: rescoring thousands of customers one by one would hold the node for
     * minutes, and their scores are about to change with the retrained models anyway.
     */
    @TransactionalEventListener
    void on(CustomerUpdated updated) {
        if (updated.customers().size() <= settings.rescoreBatchLimit()) {
            queue.add(updated.tenantId(), updated.customers());
        } else {
            queue.add(updated.tenantId(), List.of());
        }
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
