package io.hearth.journeys.internal;

import java.util.concurrent.ThreadPoolExecutor;
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

    static final String FIRST_STEPS = "journeysFirstSteps";

    /** New runs waiting for their first step: beyond this many, the timer job advances them instead. */
    private static final int FIRST_STEPS_QUEUE = 2_000;

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

    /**
     * First steps of the runs an ingested batch started, off the ingestion consumers' threads (so
     * catalog and recommendations do not wait for sends) and not behind the timer poll. Bounded: a
     * run it has no room for is discarded here, not lost, as it is already stored due now and the
     * timer job advances it on its next poll. Two threads, as each advance holds a connection.
     */
    @Bean(FIRST_STEPS)
    ThreadPoolTaskExecutor journeysFirstSteps() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("journeys-first-");
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(FIRST_STEPS_QUEUE);
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
