package io.hearth.profiles.internal;

import io.hearth.shared.CustomerId;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a batch of new events adds to a profile's activity attributes (events count, last seen,
 * categories and channels), so that they can be updated in place instead of recomputed from every
 * event of the profile. Order attributes are not incremental: an order counts once per order id at
 * its first announcement, which takes the profile's earlier events to decide.
 */
record Activity(
        CustomerId customer, long events, Instant lastSeen, Map<String, Long> categories, Map<String, Long> channels) {

    /** The events that touch order attributes; their profiles are recomputed instead. */
    static boolean changesOrders(EventFacts event) {
        return "Order Completed".equals(event.event()) || "Order Refunded".equals(event.event());
    }

    /** The activity the events add per profile, for the profiles not in {@code recomputed}. */
    static List<Activity> of(
            Collection<EventFacts> events, Map<UUID, CustomerId> placements, Set<CustomerId> recomputed) {
        Map<CustomerId, Builder> builders = new LinkedHashMap<>();
        for (EventFacts event : events) {
            CustomerId customer = placements.get(event.eventId());
            if (customer != null && !recomputed.contains(customer)) {
                builders.computeIfAbsent(customer, Builder::new).add(event);
            }
        }
        return builders.values().stream().map(Builder::build).toList();
    }

    private static final class Builder {
        private final CustomerId customer;
        private long events;
        private Instant lastSeen = Instant.MIN;
        private final Map<String, Long> categories = new TreeMap<>();
        private final Map<String, Long> channels = new TreeMap<>();

        Builder(CustomerId customer) {
            this.customer = customer;
        }

        void add(EventFacts event) {
            events++;
            if (event.occurredAt().isAfter(lastSeen)) {
                lastSeen = event.occurredAt();
            }
            event.categories().forEach(category -> categories.merge(category, 1L, Long::sum));
            if (event.channel() != null) {
                channels.merge(event.channel(), 1L, Long::sum);
            }
        }

        Activity build() {
            return new Activity(customer, events, lastSeen, Map.copyOf(categories), Map.copyOf(channels));
        }
    }
}
