package io.hearth.loyalty.internal;

import io.hearth.ingestion.IngestedEventsConsumer;
import io.hearth.ingestion.StoredEvent;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.IdentifierKind;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Awards weekly-visit challenges on the visit itself: every stored batch with page or screen views
 * advances the weekly-visit challenges of the members who visited. A program without an active
 * weekly-visit challenge (read from memory) costs nothing per event; one with them costs one profile
 * look-up per visitor of the batch and one query for which visitors are members. Awards are keyed by
 * challenge, month and member, so a batch delivered again awards nothing twice.
 */
@Component
class VisitListener implements IngestedEventsConsumer {

    static final String NAME = "loyalty-visits";
    private static final Set<String> VISITS = Set.of("page", "screen");

    private final Challenges challenges;
    private final ProfileManagement profiles;
    private final AccountStore accounts;

    VisitListener(Challenges challenges, ProfileManagement profiles, AccountStore accounts) {
        this.challenges = challenges;
        this.profiles = profiles;
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** A visit counts once it is on the member's timeline, which profiles writes. */
    @Override
    public Set<String> after() {
        return Set.of("profiles");
    }

    @Override
    public void consume(TenantId tenant, List<StoredEvent> events) {
        if (!challenges.countsVisits(tenant)) {
            return;
        }
        Set<String> seen = new HashSet<>();
        Set<CustomerId> visitors = new LinkedHashSet<>();
        for (StoredEvent event : events) {
            if (VISITS.contains(event.type()) && seen.add(event.userId() + "\n" + event.anonymousId())) {
                visitor(tenant, event).ifPresent(profile -> visitors.add(profile.customerId()));
            }
        }
        if (visitors.isEmpty()) {
            return;
        }
        // Visitors who are not members yet start with their first order, as every member does.
        for (CustomerId member : TenantContext.call(tenant, () -> accounts.members(tenant, visitors))) {
            challenges.advanceVisits(tenant, member);
        }
    }

    private Optional<CustomerProfile> visitor(TenantId tenant, StoredEvent event) {
        if (event.userId() != null) {
            return profiles.lookup(tenant, IdentifierKind.USER_ID, event.userId());
        }
        if (event.anonymousId() != null) {
            return profiles.lookup(tenant, IdentifierKind.ANONYMOUS_ID, event.anonymousId());
        }
        return Optional.empty();
    }
}
