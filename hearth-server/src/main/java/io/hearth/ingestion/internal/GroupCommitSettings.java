package io.hearth.ingestion.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How single tracking calls share transactions. Calls that arrive while a commit is running are
 * stored together in the next one, so a commit per call no longer caps the rate of single calls;
 * each call is still answered only once the transaction holding its event has committed.
 *
 * @param enabled false: every single call is its own transaction, as batches are
 * @param maxEvents the most events one shared transaction holds
 * @param maxWait how long a committer waits for more calls before committing what it has; zero (the
 *     default) commits at once whatever has queued up meanwhile, adding no latency when the server is idle
 * @param committers threads that commit in turn, so that one waiting for its disk does not hold up the next
 */
@ConfigurationProperties("hearth.ingestion.group-commit")
record GroupCommitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500") int maxEvents,
        @DefaultValue("0ms") Duration maxWait,
        @DefaultValue("2") int committers) {

    GroupCommitSettings {
        if (maxEvents < 1 || committers < 1 || maxWait.isNegative()) {
            throw new IllegalArgumentException("hearth.ingestion.group-commit needs max-events and committers of "
                    + "at least 1 and a max-wait of at least 0");
        }
    }

    static GroupCommitSettings defaults() {
        return new GroupCommitSettings(true, 500, Duration.ZERO, 2);
    }
}
