package io.hearth.profiles.internal;

import io.hearth.profiles.CustomerUpdated;
import io.hearth.profiles.CustomersMerged;
import io.hearth.profiles.Identifier;
import io.hearth.profiles.IdentifierKind;
import io.hearth.profiles.internal.ProfileEvents.Link;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Resolves a batch of events to profiles inside one transaction that holds the tenant's identity
 * lock: an event whose identifiers are unknown starts a profile, one that names a known profile joins
 * it, and one that names several merges them into the oldest. Writes are batched per call.
 */
@Component
class IdentityResolver {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IdentityResolver.class);

    private final IdentityGraph graph;
    private final ProfileStore profiles;
    private final ProfileEvents links;
    private final Merger merger;
    private final OrderLifecycle orders;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    IdentityResolver(
            IdentityGraph graph,
            ProfileStore profiles,
            ProfileEvents links,
            Merger merger,
            OrderLifecycle orders,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.graph = graph;
        this.profiles = profiles;
        this.links = links;
        this.merger = merger;
        this.orders = orders;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Must run in a transaction of the tenant. When {@code mayRepeat} (a redelivery), events already
     * resolved are skipped; otherwise they are not looked up, and one that is resolved already fails
     * the pass on the event's unique key, so its batch comes back as a redelivery. The lookup was a
     * tenth of a pass, and only redeliveries need it. Answers the profile each newly resolved event
     * ended in, after the batch's merges.
     */
    Map<UUID, CustomerId> resolve(TenantId tenant, List<EventFacts> events, boolean mayRepeat) {
        long started = System.nanoTime();
        graph.lock(tenant);
        long locked = System.nanoTime();
        Set<UUID> done = mayRepeat
                ? links.alreadyLinked(
                        tenant, events.stream().map(EventFacts::eventId).toList())
                : Set.of();
        // A batch redelivered while its first delivery is queued with it must count once.
        Set<UUID> unique = new HashSet<>();
        List<EventFacts> fresh = events.stream()
                .filter(event ->
                        !done.contains(event.eventId()) && (!event.identifiers().isEmpty() || event.aliasOf() != null))
                .filter(event -> unique.add(event.eventId()))
                .sorted(Comparator.comparing(EventFacts::occurredAt))
                .toList();
        if (fresh.isEmpty()) {
            return Map.of();
        }
        Batch batch = new Batch(tenant, clock.instant(), mayRepeat);
        Set<Identifier> all = new LinkedHashSet<>();
        fresh.forEach(event -> {
            all.addAll(event.identifiers());
            if (event.aliasOf() != null) {
                all.addAll(aliasCandidates(event.aliasOf()));
            }
        });
        batch.owners.putAll(graph.owners(all));
        for (EventFacts event : fresh) {
            batch.place(event);
        }
        Map<UUID, CustomerId> placements = batch.placements();
        Set<CustomerId> recompute = toRecompute(fresh, placements, batch);
        List<Activity> activity = Activity.of(fresh, placements, recompute);
        Set<CustomerId> bornComplete = batch.finish(activity);
        long placed = System.nanoTime();
        orders.apply(tenant, fresh, placements, batch.now);
        long ordered = System.nanoTime();
        profiles.recompute(recompute, batch.now);
        profiles.addActivity(
                activity.stream()
                        .filter(added -> !bornComplete.contains(added.customer()))
                        .toList(),
                batch.now);
        long recomputed = System.nanoTime();
        publisher.publishEvent(new CustomerUpdated(tenant, List.copyOf(batch.touched)));
        List<CustomerId> traitsChanged = batch.traitsChanged();
        if (!traitsChanged.isEmpty()) {
            publisher.publishEvent(new ProfileTraitsChanged(tenant, traitsChanged));
        }
        if (log.isDebugEnabled()) {
            log.debug(
                    "resolved {} events of tenant {}: lock {} ms, place {} ms, orders {} ms, attributes {} ms, publish {} ms",
                    fresh.size(),
                    tenant,
                    (locked - started) / 1_000_000,
                    (placed - locked) / 1_000_000,
                    (ordered - placed) / 1_000_000,
                    (recomputed - ordered) / 1_000_000,
                    (System.nanoTime() - recomputed) / 1_000_000);
        }
        return placements;
    }

    /**
     * Profiles that merged or got an order event are recomputed from their events; the others, most
     * of them, only add the new events' activity.
     */
    private static Set<CustomerId> toRecompute(List<EventFacts> fresh, Map<UUID, CustomerId> placements, Batch batch) {
        Set<CustomerId> recompute = new LinkedHashSet<>(batch.survivors);
        fresh.stream()
                .filter(Activity::changesOrders)
                .map(event -> placements.get(event.eventId()))
                .filter(java.util.Objects::nonNull)
                .forEach(recompute::add);
        recompute.retainAll(batch.touched);
        return recompute;
    }

    private static List<Identifier> aliasCandidates(String previousId) {
        return List.of(
                new Identifier(IdentifierKind.USER_ID, previousId),
                new Identifier(IdentifierKind.ANONYMOUS_ID, previousId));
    }

    /** The writes of one batch, kept in memory until a merge or the end needs them in the database. */
    private final class Batch {
        private final TenantId tenant;
        private final Instant now;
        private final boolean mayRepeat;
        private final Map<Identifier, CustomerId> owners = new HashMap<>();
        private final List<CustomerId> created = new ArrayList<>();
        private final Map<Identifier, CustomerId> assigned = new LinkedHashMap<>();
        private final List<Link> linked = new ArrayList<>();
        private final Map<CustomerId, ObjectNode> traits = new LinkedHashMap<>();
        private final Set<CustomerId> touched = new LinkedHashSet<>();
        private final Set<CustomerId> withNewTraits = new LinkedHashSet<>();
        private final Map<UUID, CustomerId> placed = new LinkedHashMap<>();
        private final Map<CustomerId, CustomerId> absorbedInto = new HashMap<>();
        private final Set<CustomerId> survivors = new LinkedHashSet<>();

        Batch(TenantId tenant, Instant now, boolean mayRepeat) {
            this.tenant = tenant;
            this.now = now;
            this.mayRepeat = mayRepeat;
        }

        void place(EventFacts event) {
            Set<Identifier> identifiers = new LinkedHashSet<>(event.identifiers());
            if (event.aliasOf() != null) {
                identifiers.add(aliased(event.aliasOf()));
            }
            Set<CustomerId> named = new LinkedHashSet<>();
            for (Identifier identifier : identifiers) {
                CustomerId owner = owners.get(identifier);
                if (owner != null) {
                    named.add(owner);
                }
            }
            CustomerId customer = named.isEmpty()
                    ? create()
                    : named.size() == 1 ? named.iterator().next() : merge(named);
            for (Identifier identifier : identifiers) {
                if (owners.putIfAbsent(identifier, customer) == null) {
                    assigned.put(identifier, customer);
                }
            }
            linked.add(new Link(event, customer));
            placed.put(event.eventId(), customer);
            if (event.traits() != null) {
                traits.merge(customer, event.traits().deepCopy(), (earlier, later) -> {
                    earlier.setAll(later);
                    return earlier;
                });
                withNewTraits.add(customer);
            }
            touched.add(customer);
        }

        /**
         * Segment's alias names the previous id without saying its kind: a known user id, else a
         * known anonymous id, else it is taken as an anonymous id.
         */
        private Identifier aliased(String previousId) {
            List<Identifier> candidates = aliasCandidates(previousId);
            return candidates.stream().filter(owners::containsKey).findFirst().orElse(candidates.get(1));
        }

        private CustomerId create() {
            CustomerId customer = CustomerId.random();
            created.add(customer);
            return customer;
        }

        private CustomerId merge(Set<CustomerId> named) {
            flush();
            CustomerId survivor = profiles.oldest(named);
            for (CustomerId absorbed : named) {
                if (absorbed.equals(survivor)) {
                    continue;
                }
                UUID mergeId = merger.merge(tenant, survivor, absorbed, "shared identifier", now);
                owners.replaceAll((identifier, owner) -> owner.equals(absorbed) ? survivor : owner);
                touched.remove(absorbed);
                absorbedInto.put(absorbed, survivor);
                publisher.publishEvent(new CustomersMerged(tenant, mergeId, survivor, absorbed));
            }
            touched.add(survivor);
            survivors.add(survivor);
            withNewTraits.add(survivor);
            return survivor;
        }

        Map<UUID, CustomerId> placements() {
            Map<UUID, CustomerId> finalPlacements = new LinkedHashMap<>();
            placed.forEach((event, customer) -> finalPlacements.put(event, survivorOf(customer)));
            return finalPlacements;
        }

        /** The live profiles whose traits this batch set or merged. */
        List<CustomerId> traitsChanged() {
            return withNewTraits.stream().map(this::survivorOf).distinct().toList();
        }

        private CustomerId survivorOf(CustomerId customer) {
            CustomerId at = customer;
            while (absorbedInto.containsKey(at)) {
                at = absorbedInto.get(at);
            }
            return at;
        }

        /**
         * The last flush. A profile this batch created and no merge has written yet is inserted with
         * its activity and traits, instead of being inserted and then updated: in a shop's first
         * days most events start a profile. Answers those profiles.
         */
        Set<CustomerId> finish(List<Activity> activity) {
            Map<CustomerId, Activity> byCustomer = new HashMap<>();
            activity.forEach(added -> byCustomer.put(added.customer(), added));
            List<ProfileStore.NewProfile> born = new ArrayList<>();
            Set<CustomerId> bornComplete = new HashSet<>();
            for (CustomerId customer : created) {
                Activity added = byCustomer.get(customer);
                if (added != null) {
                    born.add(new ProfileStore.NewProfile(added, traits.remove(customer)));
                    bornComplete.add(customer);
                }
            }
            created.removeAll(bornComplete);
            profiles.createComplete(tenant, born, now);
            flush();
            return bornComplete;
        }

        void flush() {
            profiles.create(tenant, created, now);
            graph.assign(tenant, assigned, now);
            links.link(tenant, linked, mayRepeat);
            profiles.addTraits(traits);
            created.clear();
            assigned.clear();
            linked.clear();
            traits.clear();
        }
    }
}
