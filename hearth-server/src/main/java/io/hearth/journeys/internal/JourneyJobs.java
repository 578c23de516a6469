package io.hearth.journeys.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Schedule triggers on the shared db-scheduler: one node at a time looks for due schedules, and
 * whether one is due is read from the injected clock, not db-scheduler's own.
 */
@Configuration(proxyBeanMethods = false)
class JourneyJobs {

    @Bean
    RecurringTask<Void> journeySchedulesTask(Schedules schedules, JourneySettings settings) {
        return Tasks.recurring("journeys-schedules", FixedDelay.of(settings.scheduleCheck()))
                .execute((instance, context) -> schedules.fireDue());
    }
}
