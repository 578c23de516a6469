package io.hearth.profiles.internal;

import io.hearth.profiles.Identifier;
import io.hearth.profiles.Merge;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Merges two profiles and undoes merges. A merge moves identifiers and events (so the anonymous
 * browsing before a sign-up joins the profile) and records what the absorbed profile had; undoing
 * gives back exactly that.
 */
@Component
class Merger {

    private final IdentityGraph graph;
    private final ProfileStore profiles;
    private final ProfileEvents events;
    private final MergeLog log;
    private final OrderStore orders;

    Merger(IdentityGraph graph, ProfileStore profiles, ProfileEvents events, MergeLog log, OrderStore orders) {
        this.graph = graph;
        this.profiles = profiles;
        this.events = events;
        this.log = log;
        this.orders = orders;
    }

    UUID merge(TenantId tenant, CustomerId survivor, CustomerId absorbed, String reason, Instant now) {
        UUID mergeId = UUID.randomUUID();
        List<Identifier> identifiers = graph.of(absorbed);
        log.record(tenant, mergeId, survivor, absorbed, reason, identifiers, profiles.traitsJson(absorbed), now);
        graph.move(absorbed, survivor);
        events.move(absorbed, survivor);
        orders.moveOrders(absorbed, survivor);
        profiles.absorbTraits(survivor, absorbed);
        profiles.markMerged(absorbed, Optional.of(survivor));
        return mergeId;
    }

    /** Restores the absorbed profile of an active merge; answers the survivor it was taken from. */
    CustomerId unmerge(Merge merge, String actor, Instant now) {
        CustomerId survivor = profiles.current(merge.survivor()).orElse(merge.survivor());
        CustomerId restored = merge.absorbed();
        List<Identifier> kept = graph.of(survivor).stream()
                .filter(identifier -> !merge.absorbedIdentifiers().contains(identifier))
                .toList();
        graph.moveKeys(merge.absorbedIdentifiers(), survivor, restored);
        events.moveEventsOf(merge.absorbedIdentifiers(), kept, survivor, restored);
        orders.reassignByPlacingEvent(List.of(survivor, restored));
        profiles.replaceTraits(restored, log.absorbedTraits(merge.mergeId()));
        profiles.markMerged(restored, Optional.empty());
        log.markUndone(merge.mergeId(), actor, now);
        profiles.recompute(List.of(survivor, restored), now);
        return survivor;
    }
}
