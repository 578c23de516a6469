package io.hearth.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The durable job scheduler (db-scheduler on Hearth's own database).
 *
 * @param enabled whether this node executes due tasks; a node with it off can still schedule them
 * @param pollingInterval how often a node looks for due tasks; the delay a timer may run late by
 * @param threads how many tasks one node executes at once
 * @param shutdownMaxWait how long a stopping node lets running tasks finish
 */
@ConfigurationProperties("hearth.scheduler")
public record SchedulerSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("PT1S") Duration pollingInterval,
        @DefaultValue("4") int threads,
        @DefaultValue("PT10S") Duration shutdownMaxWait) {

    public SchedulerSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("hearth.scheduler.threads must be at least 1");
        }
        if (pollingInterval.isNegative() || pollingInterval.isZero()) {
            throw new IllegalArgumentException("hearth.scheduler.polling-interval must be positive");
        }
    }
}
