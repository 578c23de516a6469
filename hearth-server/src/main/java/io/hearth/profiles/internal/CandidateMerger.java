package io.hearth.profiles.internal;

import io.hearth.profiles.CustomerUpdated;
import io.hearth.profiles.CustomersMerged;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Merges a probabilistic pair the way identity resolution merges profiles that share an identifier:
 * under the tenant's identity lock, into the oldest profile, through {@link Merger}, so the merge is
 * retroactive and can be undone by the unmerge API.
 */
@Component
class CandidateMerger {

    private final IdentityGraph graph;
    private final ProfileStore profiles;
    private final Merger merger;
    private final ApplicationEventPublisher publisher;

    CandidateMerger(IdentityGraph graph, ProfileStore profiles, Merger merger, ApplicationEventPublisher publisher) {
        this.graph = graph;
        this.profiles = profiles;
        this.merger = merger;
        this.publisher = publisher;
    }

    /**
     * Must run in a transaction of the tenant. Answers the merge, or empty when the two already are
     * one profile (an identifier joined them meanwhile).
     */
    Optional<UUID> merge(TenantId tenant, CustomerId one, CustomerId other, String reason, Instant now) {
        graph.lock(tenant);
        CustomerId left = profiles.current(one).orElseThrow();
        CustomerId right = profiles.current(other).orElseThrow();
        if (left.equals(right)) {
            return Optional.empty();
        }
        CustomerId survivor = profiles.oldest(Set.of(left, right));
        CustomerId absorbed = survivor.equals(left) ? right : left;
        UUID mergeId = merger.merge(tenant, survivor, absorbed, reason, now);
        profiles.recompute(List.of(survivor), now);
        publisher.publishEvent(new CustomersMerged(tenant, mergeId, survivor, absorbed));
        publisher.publishEvent(new CustomerUpdated(tenant, List.of(survivor)));
        publisher.publishEvent(new ProfileTraitsChanged(tenant, List.of(survivor)));
        return Optional.of(mergeId);
    }
}
