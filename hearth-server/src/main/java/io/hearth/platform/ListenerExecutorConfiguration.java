package io.hearth.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The executor behind every plain {@code @Async} module listener. Spring Boot's default with
 * virtual threads starts one thread per event without limit; an import publishing thousands of
 * events then asks for thousands of database connections at once and starves request threads. A
 * fixed pool with a queue keeps listener work to a share of the connection pool, and submitting
 * never blocks, so a listener that publishes from its own transaction cannot deadlock the pool.
 */
@Configuration(proxyBeanMethods = false)
class ListenerExecutorConfiguration {

    @Bean(name = {TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME, "taskExecutor"})
    ThreadPoolTaskExecutor applicationTaskExecutor(@Value("${hearth.listeners.threads:6}") int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("listener-");
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(Integer.MAX_VALUE);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
