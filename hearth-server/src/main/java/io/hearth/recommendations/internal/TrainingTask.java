package io.hearth.recommendations.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.hearth.recommendations.TrainingProgress;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Training as a durable one-time task per tenant (instance id = tenant id): new events schedule it
 * {@code retrain-delay} ahead unless it is already scheduled, so a busy shop retrains at most once per
 * delay; an admin can move it to now. It survives restarts and runs on one node of a cluster.
 */
@Configuration(proxyBeanMethods = false)
class TrainingTask {

    static final TaskDescriptor<Void> TRAIN = TaskDescriptor.of("recommendations-train");

    @Bean
    OneTimeTask<Void> recommendationsTraining(@Lazy TrainingService training, TrainingSchedule schedule) {
        return Tasks.oneTime(TRAIN).execute((instance, context) -> {
            TenantId tenant = TenantId.of(instance.getId());
            // From now on no run is scheduled: the next batch must ask for one again.
            schedule.started(tenant);
            training.train(tenant, TrainingProgress.NONE);
        });
    }

    @Bean
    TrainingSchedule recommendationsTrainingSchedule(
            @Lazy SchedulerClient scheduler, RecommendationsSettings settings, Clock clock) {
        return new TrainingSchedule(scheduler, settings, clock);
    }

    /** Schedules training runs. */
    static final class TrainingSchedule {

        private static final long ASK_AGAIN_AFTER_NANOS = 5_000_000_000L;

        private final SchedulerClient scheduler;
        private final RecommendationsSettings settings;
        private final Clock clock;
        private final Map<TenantId, Long> lastAsked = new ConcurrentHashMap<>();

        TrainingSchedule(SchedulerClient scheduler, RecommendationsSettings settings, Clock clock) {
            this.scheduler = scheduler;
            this.settings = settings;
            this.clock = clock;
        }

        /**
         * New data arrived: train after the delay unless a run is already due. Every ingested batch
         * says so; once a run is known to be scheduled, the next 5 s of batches skip asking the
         * scheduler's table again (a run started on this node forgets that at once; one started on
         * another node is asked for again by the first batch after those seconds).
         */
        void soon(TenantId tenant) {
            long now = System.nanoTime();
            Long asked = lastAsked.get(tenant);
            if (asked != null && now - asked < ASK_AGAIN_AFTER_NANOS) {
                return;
            }
            scheduler.scheduleIfNotExists(TRAIN.instance(tenant.toString())
                    .scheduledTo(clock.instant().plus(settings.retrainDelay())));
            lastAsked.put(tenant, now);
        }

        void started(TenantId tenant) {
            lastAsked.remove(tenant);
        }

        /** Train as soon as a node is free; answers when that is. */
        Instant now(TenantId tenant) {
            Instant now = clock.instant();
            TaskInstanceId id = TaskInstanceId.of(TRAIN.getTaskName(), tenant.toString());
            if (!scheduler.scheduleIfNotExists(TRAIN.instance(tenant.toString()).scheduledTo(now))) {
                scheduler
                        .getScheduledExecution(id)
                        .filter(execution -> !execution.isPicked())
                        .ifPresent(execution -> scheduler.reschedule(id, now));
            }
            return now;
        }
    }
}
