package io.hearth.platform;

import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The threads behind {@code @Scheduled} jobs. With virtual threads on, Spring Boot's scheduler runs
 * every fixed-delay job on its one scheduler thread, so a slow mailbox poll or a model being
 * installed held up the journeys' timers and the message retry job behind it. A small pool lets
 * each job keep its own fixed delay without waiting for the others.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledJobsConfiguration implements SchedulingConfigurer {

    private final ThreadPoolTaskScheduler scheduler;

    ScheduledJobsConfiguration(@Value("${hearth.jobs.threads:8}") int threads) {
        scheduler = new JobScheduler();
        scheduler.setPoolSize(threads);
        scheduler.setThreadNamePrefix("job-");
        // Running jobs are interrupted at shutdown, as a crash would stop them: every job is safe to
        // stop half-way (a message being handed over stays "sending" and is never sent twice), and
        // waiting held test forks past their exit timeout.
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
    }

    @Bean
    ThreadPoolTaskScheduler scheduledJobsScheduler() {
        return scheduler;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.setTaskScheduler(scheduler);
    }

    /** Drops a cron job's next run (hours ahead) at shutdown instead of keeping it as a delayed task. */
    private static final class JobScheduler extends ThreadPoolTaskScheduler {

        @Override
        protected ScheduledExecutorService createExecutor(
                int poolSize, ThreadFactory threadFactory, RejectedExecutionHandler rejectedExecutionHandler) {
            ScheduledExecutorService executor = super.createExecutor(poolSize, threadFactory, rejectedExecutionHandler);
            if (executor instanceof ScheduledThreadPoolExecutor pool) {
                pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            }
            return executor;
        }
    }
}
