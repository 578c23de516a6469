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
    OneTimeTask<Void> recommendationsTraining(@Lazy TrainingService training) {
        return Tasks.oneTime(TRAIN)
                .execute((instance, context) -> training.train(TenantId.of(instance.getId()), TrainingProgress.NONE));
    }

    @Bean
    TrainingSchedule recommendationsTrainingSchedule(
            @Lazy SchedulerClient scheduler, RecommendationsSettings settings, Clock clock) {
        return new TrainingSchedule(scheduler, settings, clock);
    }

    /** Schedules training runs. */
    static final class TrainingSchedule {

        private final SchedulerClient scheduler;
        private final RecommendationsSettings settings;
        private final Clock clock;

        TrainingSchedule(SchedulerClient scheduler, RecommendationsSettings settings, Clock clock) {
            this.scheduler = scheduler;
            this.settings = settings;
            this.clock = clock;
        }

        /** New data arrived: train after the delay unless a run is already due. */
        void soon(TenantId tenant) {
            scheduler.scheduleIfNotExists(TRAIN.instance(tenant.toString())
                    .scheduledTo(clock.instant().plus(settings.retrainDelay())));
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
