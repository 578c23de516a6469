package io.hearth.profiles.internal;

import io.hearth.ingestion.EventsIngested;
import io.hearth.profiles.ProfileManagement;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Resolves every batch of stored events to profiles, after the batch committed and off the request
 * thread. The publication is kept by Spring Modulith until this returns, so a crash in between
 * redelivers it on restart; resolution is idempotent per event. {@code hearth.profiles.enabled=false}
 * turns profile building off (benchmarks compare ingestion with and without it).
 */
@Component
@ConditionalOnProperty(name = "hearth.profiles.enabled", havingValue = "true", matchIfMissing = true)
class ProfilesListener {

    private final ProfileManagement profiles;

    ProfilesListener(ProfileManagement profiles) {
        this.profiles = profiles;
    }

    @Async
    @TransactionalEventListener
    void on(EventsIngested ingested) {
        profiles.resolve(ingested.tenantId(), ingested.events());
    }
}
