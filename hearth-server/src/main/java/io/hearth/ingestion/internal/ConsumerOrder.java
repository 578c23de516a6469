package io.hearth.ingestion.internal;

import io.hearth.ingestion.IngestedEventsConsumer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders consumers so that each comes after those it names (names of absent consumers are ignored),
 * and otherwise those that others wait for first, then those that wait, then the rest, by name.
 */
final class ConsumerOrder {

    private ConsumerOrder() {}

    static List<IngestedEventsConsumer> of(List<IngestedEventsConsumer> consumers) {
        Set<String> present = new HashSet<>();
        for (IngestedEventsConsumer consumer : consumers) {
            if (!present.add(consumer.name())) {
                throw new IllegalStateException("two ingested-events consumers are named " + consumer.name());
            }
        }
        List<IngestedEventsConsumer> pending = new ArrayList<>(consumers);
        Set<String> awaited = new HashSet<>();
        consumers.forEach(consumer -> awaited.addAll(consumer.after()));
        // Those others wait for go first, then those waiting (right after what they need, as they
        // react to customers: journeys), then the rest, so the work that matters soonest is done first.
        pending.sort(Comparator.comparingInt((IngestedEventsConsumer consumer) -> rank(consumer, awaited))
                .thenComparing(IngestedEventsConsumer::name));
        List<IngestedEventsConsumer> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (!pending.isEmpty()) {
            IngestedEventsConsumer next = pending.stream()
                    .filter(consumer -> consumer.after().stream()
                            .allMatch(name -> placed.contains(name) || !present.contains(name)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("ingested-events consumers wait for each other: "
                            + pending.stream().map(IngestedEventsConsumer::name).toList()));
            pending.remove(next);
            placed.add(next.name());
            ordered.add(next);
        }
        return List.copyOf(ordered);
    }

    private static int rank(IngestedEventsConsumer consumer, Set<String> awaited) {
        if (awaited.contains(consumer.name())) {
            return 0;
        }
        return consumer.after().isEmpty() ? 2 : 1;
    }
}
