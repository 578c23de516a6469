package io.hearth.ingestion.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How stored batches reach the modules' consumers.
 *
 * @param threads batches handed to consumers at once; each holds at most one database connection. A
 *     thread waiting for its batch's profiles pass holds none, and the batches waiting at once are
 *     what that pass can merge: with 4, under 1,000 events/s the pass resolved one or two batches at
 *     a time and the others queued behind it unmerged
 * @param queue batches waiting for a thread; beyond it the thread that stored a batch hands it over
 *     itself, so ingestion slows to the pace of its consumers instead of queueing without bound
 * @param handoverEvents the most stored events kept in memory for the consumers; a batch beyond it is
 *     read back from the log instead
 * @param retryInterval how often batches that failed for a consumer are handed to it again
 * @param retryAfter how long a failed batch waits before its first retry
 */
@ConfigurationProperties("hearth.ingestion.consumers")
record ConsumerSettings(
        @DefaultValue("8") int threads,
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
