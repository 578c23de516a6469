package io.hearth.loyalty.internal;

import java.util.concurrent.ThreadPoolExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Awards go into the decision log on one thread. The log is a chain per tenant, appended one entry
 * at a time under the chain head's lock, so more threads would only hold database connections
 * while they wait, starving the ledger itself. Each award's publication stays open until its entry
 * is written (a crash replays it); past the queue the committing thread writes its own entry, so a
 * sustained overload slows earning to the pace of the log instead of queueing without bound.
 */
@Configuration(proxyBeanMethods = false)
class DecisionsExecutorConfiguration {

    static final String NAME = "loyaltyDecisionsExecutor";

    @Bean(name = NAME, destroyMethod = "shutdown")
    ThreadPoolTaskExecutor loyaltyDecisionsExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(10_000);
        executor.setThreadNamePrefix("loyalty-decisions-");
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        executor.initialize();
        return executor;
    }
}
