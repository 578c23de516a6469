package io.hearth.catalog.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Learning products from events runs on one thread of its own: on the shared unbounded executor an
 * import's thousand batches each took a database connection at once and starved every other module.
 */
@Configuration(proxyBeanMethods = false)
class CatalogExecutorConfiguration {

    static final String NAME = "catalogExecutor";

    @Bean(NAME)
    ThreadPoolTaskExecutor catalogExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("catalog-");
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(Integer.MAX_VALUE);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
