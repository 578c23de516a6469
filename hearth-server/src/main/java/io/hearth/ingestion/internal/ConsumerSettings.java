package io.hearth.ingestion.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How stored batches reach the modules' consumers.
 *
 * @param threads batches handed to consumers at once; each holds at most one database connection
 * @param queue batches waiting for a thread; beyond it the thread that stored a batch hands it over
 *     itself, so ingestion slows to the pace of its consumers instead of queueing without bound
 * @param handoverEvents the most stored events kept in memory for the consumers; a batch beyond it is
 *     read back from the log instead
 * @param retryInterval how often batches that failed for a consumer are handed to it again
 * @param retryAfter how long a failed batch waits before its first retry
 */
@ConfigurationProperties("hearth.ingestion.consumers")
record ConsumerSettings(
        @DefaultValue("4") int threads,
        @DefaultValue("32") int queue,
        @DefaultValue("50000") int handoverEvents,
        @DefaultValue("30s") Duration retryInterval,
        @DefaultValue("30s") Duration retryAfter) {

    ConsumerSettings {
        if (threads < 1 || queue < 0 || handoverEvents < 0 || !retryInterval.isPositive() || retryAfter.isNegative()) {
            throw new IllegalArgumentException("hearth.ingestion.consumers needs at least 1 thread, a queue and "
                    + "handover-events of at least 0, a positive retry-interval and a retry-after of at least 0");
        }
    }
}
