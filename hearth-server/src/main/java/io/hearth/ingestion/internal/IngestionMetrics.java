package io.hearth.ingestion.internal;

import io.hearth.ingestion.StoredEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counters for the Prometheus endpoint: events accepted by type, rejected by reason, and duplicates.
 * Tags never carry tenant or customer data.
 */
@Component
class IngestionMetrics {

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Counter> accepted = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> rejected = new ConcurrentHashMap<>();
    private final Counter duplicates;

    IngestionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.duplicates = Counter.builder("hearth.ingestion.events.duplicate")
                .description("Events dropped because their message id was already stored")
                .register(registry);
    }

    void accepted(List<StoredEvent> events) {
        Map<String, Integer> byType = new HashMap<>(8);
        for (StoredEvent event : events) {
            byType.merge(event.type(), 1, Integer::sum);
        }
        byType.forEach((type, count) -> accepted.computeIfAbsent(
                        type,
                        name -> Counter.builder("hearth.ingestion.events.accepted")
                                .description("Events stored in the event log")
                                .tag("type", name)
                                .register(registry))
                .increment(count));
    }

    void rejected(String reason, int count) {
        rejected.computeIfAbsent(
                        reason,
                        why -> Counter.builder("hearth.ingestion.events.rejected")
                                .description("Events refused, by the first rule they broke")
                                .tag("reason", why)
                                .register(registry))
                .increment(count);
    }

    void duplicates(int count) {
        duplicates.increment(count);
    }
}
