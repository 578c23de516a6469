package io.hearth.ingestion.internal;

import io.hearth.ingestion.EventsIngested;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands batches that failed for a consumer to the dispatcher again while the server runs; without
 * it they would wait for the next restart. Only the consumers that failed get them (see
 * {@link IngestedEventsDispatcher}).
 */
@Component
class ConsumerRetries {

    private final FailedEventPublications failed;
    private final ConsumerSettings settings;

    ConsumerRetries(FailedEventPublications failed, ConsumerSettings settings) {
        this.failed = failed;
        this.settings = settings;
    }

    @Scheduled(
            fixedDelayString = "${hearth.ingestion.consumers.retry-interval:30s}",
            initialDelayString = "${hearth.ingestion.consumers.retry-interval:30s}")
    void retryFailed() {
        failed.resubmit(ResubmissionOptions.defaults()
                .withMinAge(settings.retryAfter())
                .withFilter(publication -> publication.getEvent() instanceof EventsIngested));
    }
}
