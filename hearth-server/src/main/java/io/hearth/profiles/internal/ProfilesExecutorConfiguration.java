package io.hearth.profiles.internal;

import java.util.concurrent.ThreadPoolExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Profile building runs on two threads with a short queue. Resolution is serialized per tenant, so
 * more threads would only hold database connections while waiting for the tenant's lock, starving
 * ingestion. When the queue is full the ingesting thread resolves its own batch: ingestion slows to
 * the pace profiles can keep, instead of queueing without bound in memory.
 */
@Configuration(proxyBeanMethods = false)
class ProfilesExecutorConfiguration {

    static final String NAME = "profilesExecutor";

    @Bean(name = NAME, destroyMethod = "shutdown")
    ThreadPoolTaskExecutor profilesExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(32);
        executor.setThreadNamePrefix("profiles-");
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        executor.initialize();
        return executor;
    }
}
