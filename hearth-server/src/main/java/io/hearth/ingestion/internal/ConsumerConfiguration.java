package io.hearth.ingestion.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The threads that hand stored batches to the modules' consumers, with a short queue. When it is full
 * the thread that stored the batch runs its consumers itself, once its transaction is over (see
 * {@link CallerRunsAfterTransaction}): ingestion then slows to the pace its consumers keep, instead
 * of queueing work (and events held in memory) without bound. Also the in-memory hand-over of the
 * batches between the two.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

    static final String NAME = "ingestedEventsExecutor";

    @Bean(name = NAME, destroyMethod = "shutdown")
    ThreadPoolTaskExecutor ingestedEventsExecutor(ConsumerSettings settings, PlatformTransactionManager transactions) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(settings.threads());
        executor.setMaxPoolSize(settings.threads());
        executor.setQueueCapacity(settings.queue());
        executor.setThreadNamePrefix("ingested-");
        executor.setRejectedExecutionHandler(new CallerRunsAfterTransaction(transactions));
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        executor.initialize();
        return executor;
    }

    @Bean
    BatchHandover batchHandover(ConsumerSettings settings) {
        return new BatchHandover(settings.handoverEvents());
    }
}
