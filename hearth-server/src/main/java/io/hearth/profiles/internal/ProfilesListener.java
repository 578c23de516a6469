package io.hearth.profiles.internal;

import io.hearth.ingestion.Delivery;
import io.hearth.ingestion.IngestedEventsConsumer;
import io.hearth.ingestion.StoredEvent;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.TenantId;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Resolves every batch of stored events to profiles, after the batch committed and off the request
 * thread. Ingestion keeps the batch's publication until this returns, so a crash in between
 * redelivers it on restart; resolution is idempotent per event. Other consumers that need the
 * profile of an event's customer (journeys) name {@link #NAME} to run after it.
 * {@code hearth.profiles.enabled=false} turns profile building off (benchmarks compare ingestion with
 * and without it).
 */
@Component
@ConditionalOnProperty(name = "hearth.profiles.enabled", havingValue = "true", matchIfMissing = true)
class ProfilesListener implements IngestedEventsConsumer {

    static final String NAME = "profiles";

    private final ProfileManagement profiles;

    ProfilesListener(ProfileManagement profiles) {
        this.profiles = profiles;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void consume(TenantId tenant, List<StoredEvent> events) {
        profiles.resolve(tenant, events);
    }

    @Override
    public void consume(TenantId tenant, List<StoredEvent> events, Delivery delivery) {
        profiles.resolve(tenant, events, delivery);
    }
}
