package io.hearth.platform;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One db-scheduler for the whole server. Modules declare their tasks as beans ({@code Task} or
 * {@code RecurringTask}) and schedule one-time work through the {@link SchedulerClient} bean; the
 * scheduler is cluster-safe, so several replicas share one table and each execution runs once.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean(destroyMethod = "")
    @SuppressWarnings({"unchecked", "rawtypes"})
    Scheduler scheduler(DataSource dataSource, ObjectProvider<Task<?>> tasks, SchedulerSettings settings) {
        List<Task<?>> known = tasks.orderedStream().toList();
        // startTasks wants tasks typed as both Task and OnStartup; recurring tasks are both. It also
        // registers them as known tasks, so they must not be passed to create() a second time.
        List startTasks = known.stream().filter(OnStartup.class::isInstance).toList();
        List<Task<?>> others =
                known.stream().filter(task -> !(task instanceof OnStartup)).toList();
        return Scheduler.create(dataSource, others)
                .startTasks(startTasks)
                .pollingInterval(settings.pollingInterval())
                .threads(settings.threads())
                .shutdownMaxWait(settings.shutdownMaxWait())
                .enableImmediateExecution()
                .build();
    }

    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler, SchedulerSettings settings) {
        return new SchedulerLifecycle(scheduler, settings.enabled());
    }

    /** Starts executing after every bean is ready and stops before the database pool closes. */
    private static final class SchedulerLifecycle implements SmartLifecycle {

        private final Scheduler scheduler;
        private final boolean enabled;
        private volatile boolean running;

        SchedulerLifecycle(Scheduler scheduler, boolean enabled) {
            this.scheduler = scheduler;
            this.enabled = enabled;
        }

        @Override
        public void start() {
            if (enabled) {
                scheduler.start();
            }
            running = true;
        }

        @Override
        public void stop() {
            if (enabled) {
                scheduler.stop();
            }
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            // After the web server (which starts late) so tasks never run against a half-started node.
            return Integer.MAX_VALUE - 100;
        }
    }
}
