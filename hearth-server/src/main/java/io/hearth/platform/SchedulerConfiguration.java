package io.hearth.platform;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
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

    /** Schedules without executing, so it keeps working while this node's executor is stopped. */
    @Bean
    SchedulerClient schedulerClient(DataSource dataSource, ObjectProvider<Task<?>> tasks) {
        return SchedulerClient.Builder.create(dataSource, tasks.orderedStream().toList())
                .build();
    }

    @Bean
    SmartLifecycle schedulerLifecycle(
            DataSource dataSource, ObjectProvider<Task<?>> tasks, SchedulerSettings settings) {
        return new SchedulerLifecycle(dataSource, tasks.orderedStream().toList(), settings);
    }

    /**
     * Executes due tasks from start to stop. A stopped db-scheduler cannot start again, so every start
     * builds a fresh one: a context that is stopped and restarted (as the test context cache does)
     * executes again.
     */
    private static final class SchedulerLifecycle implements SmartLifecycle {

        private final DataSource dataSource;
        private final List<Task<?>> known;
        private final SchedulerSettings settings;
        private volatile @Nullable Scheduler running;

        SchedulerLifecycle(DataSource dataSource, List<Task<?>> known, SchedulerSettings settings) {
            this.dataSource = dataSource;
            this.known = known;
            this.settings = settings;
        }

        @Override
        public synchronized void start() {
            if (settings.enabled() && running == null) {
                Scheduler scheduler = build();
                scheduler.start();
                running = scheduler;
            }
        }

        @Override
        public synchronized void stop() {
            Scheduler scheduler = running;
            if (scheduler != null) {
                scheduler.stop();
                running = null;
            }
        }

        @Override
        public boolean isRunning() {
            return running != null;
        }

        @Override
        public int getPhase() {
            // After the web server (which starts late) so tasks never run against a half-started node.
            return Integer.MAX_VALUE - 100;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Scheduler build() {
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
                    .build();
        }
    }
}
