package io.hearth.ingestion.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When the consumers' queue is full, the thread that stored the batch runs its consumers itself, but
 * not where the batch was rejected. That is the stored batch's after-commit callback, where the
 * committed transaction's connection is still bound to the thread: code run there joins the finished
 * transaction instead of starting its own, its writes commit only when the connection is reset, and
 * the events it publishes find no transaction to follow, so their listeners never run (their
 * publications stay incomplete until a restart). So the writer collects what was rejected while it
 * stored a batch and runs it once its transaction is gone ({@link #deferringRejected}); a rejection
 * elsewhere runs at once, outside any transaction the thread may still hold.
 */
final class CallerRunsAfterTransaction implements RejectedExecutionHandler {

    private static final ThreadLocal<List<Runnable>> DEFERRED = new ThreadLocal<>();

    private final TransactionTemplate outsideTransactions;

    CallerRunsAfterTransaction(PlatformTransactionManager transactions) {
        this.outsideTransactions = new TransactionTemplate(transactions);
        this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    /** Runs the work; consumers rejected meanwhile run on this thread after it, in their order. */
    static <T> T deferringRejected(Supplier<T> work) {
        if (DEFERRED.get() != null) {
            return work.get();
        }
        List<Runnable> rejected = new ArrayList<>();
        DEFERRED.set(rejected);
        try {
            return work.get();
        } finally {
            DEFERRED.remove();
            rejected.forEach(Runnable::run);
        }
    }

    @Override
    public void rejectedExecution(Runnable task, ThreadPoolExecutor executor) {
        if (executor.isShutdown()) {
            // As with CallerRunsPolicy: the batch's publication stays incomplete and is redelivered.
            return;
        }
        List<Runnable> deferred = DEFERRED.get();
        if (deferred != null) {
            deferred.add(task);
        } else {
            outsideTransactions.executeWithoutResult(status -> task.run());
        }
    }
}
