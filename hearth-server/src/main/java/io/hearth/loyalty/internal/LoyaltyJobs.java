package io.hearth.loyalty.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The program's recurring work on the shared db-scheduler: one node at a time runs each, and a run
 * a crash interrupted is picked up again. Both are safe to repeat.
 */
@Configuration(proxyBeanMethods = false)
class LoyaltyJobs {

    @Bean
    RecurringTask<Void> loyaltyMaintenanceTask(Maintenance maintenance, LoyaltySettings settings, Clock clock) {
        return Tasks.recurring("loyalty-maintenance", FixedDelay.of(settings.maintenanceInterval()))
                .execute((instance, context) -> maintenance.run(clock.instant()));
    }

    @Bean
    RecurringTask<Void> loyaltyReconciliationTask(Maintenance maintenance, LoyaltySettings settings) {
        return Tasks.recurring("loyalty-reconciliation", FixedDelay.of(settings.reconciliationInterval()))
                .execute((instance, context) -> maintenance.reconcileAll());
    }
}
