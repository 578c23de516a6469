package io.hearth.journeys.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Order-lifecycle triggers start runs on two threads of their own. On the shared listener pool a
 * purchase's first send queued behind every other module's reaction to the same busy stream (tens
 * of seconds at 200 purchases/s); two threads keep journeys' share of database connections small.
 */
@Configuration(proxyBeanMethods = false)
class JourneysExecutorConfiguration {

    static final String NAME = "journeysExecutor";

    @Bean(NAME)
    ThreadPoolTaskExecutor journeysExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("journeys-");
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(Integer.MAX_VALUE);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
