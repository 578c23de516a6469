package io.hearth.predictions.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.hearth.predictions.TrainingListener;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Training as a durable db-scheduler task, one instance per tenant (its id is the tenant id): it trains,
 * measures drift against the new versions, rescores every customer with them (announcing the
 * crossings time alone caused), and reschedules itself {@code retrain-every} later.
 * A tenant gets its first run when its profiles first change.
 */
@Configuration(proxyBeanMethods = false)
class TrainingSchedule {

    static final TaskDescriptor<String> TRAINING = TaskDescriptor.of("predictions-train", String.class);

    private final SchedulerClient scheduler;
    private final Clock clock;
    private final PredictionSettings settings;
    private final Set<TenantId> known = ConcurrentHashMap.newKeySet();

    TrainingSchedule(@Lazy SchedulerClient scheduler, Clock clock, PredictionSettings settings) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.settings = settings;
    }

    @Bean
    TrainingTask predictionsTrainingTask(@Lazy Trainer trainer, @Lazy DriftMonitor drift, @Lazy Rescorer rescorer) {
        return new TrainingTask(trainer, drift, rescorer);
    }

    /** Schedules the tenant's first training (once per node; the task id makes it once overall). */
    void ensureScheduled(TenantId tenant) {
        if (known.add(tenant)) {
            try {
                scheduler.scheduleIfNotExists(TRAINING.instance(tenant.toString())
                        .data(tenant.toString())
                        .scheduledTo(clock.instant().plus(settings.firstTrainingAfter())));
            } catch (RuntimeException e) {
                known.remove(tenant); // so that the tenant's next change tries again
                throw e;
            }
        }
    }

    /** Runs the tenant's training as soon as a node is free, moving an already scheduled run forward. */
    void trainSoon(TenantId tenant) {
        Instant now = clock.instant();
        boolean scheduled = scheduler.scheduleIfNotExists(
                TRAINING.instance(tenant.toString()).data(tenant.toString()).scheduledTo(now));
        if (!scheduled) {
            scheduler.reschedule(TaskInstanceId.of(TRAINING.getTaskName(), tenant.toString()), now);
        }
        known.add(tenant);
    }

    /** Trains, measures drift, and comes back {@code retrain-every} later instead of being removed. */
    final class TrainingTask extends OneTimeTask<String> {

        private final Trainer trainer;
        private final DriftMonitor drift;
        private final Rescorer rescorer;

        TrainingTask(Trainer trainer, DriftMonitor drift, Rescorer rescorer) {
            super(TRAINING.getTaskName(), String.class);
            this.trainer = trainer;
            this.drift = drift;
            this.rescorer = rescorer;
        }

        @Override
        public void executeOnce(TaskInstance<String> instance, ExecutionContext context) {
            TenantId tenant = TenantId.of(instance.getData());
            trainer.train(tenant, TrainingListener.NONE);
            drift.measure(tenant);
            rescorer.rescoreAll(tenant);
        }

        @Override
        public CompletionHandler<String> execute(TaskInstance<String> instance, ExecutionContext context) {
            executeOnce(instance, context);
            Instant next = clock.instant().plus(settings.retrainEvery());
            return (complete, operations) -> operations.reschedule(complete, next);
        }
    }
}
