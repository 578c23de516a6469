package io.hearth.recommendations.internal;

import io.hearth.ingestion.IngestedEventsConsumer;
import io.hearth.ingestion.StoredEvent;
import io.hearth.recommendations.internal.TrainingTask.TrainingSchedule;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Reacts to stored events: product signals schedule a retraining (debounced by the scheduler), and
 * events carrying a {@code recommendation_id} property are attributed: a click ({@code Product
 * Clicked}, {@code Product Viewed}, {@code Product Added}) or a conversion ({@code Order Completed},
 * per product line). Attribution is idempotent per (event, product, kind), and engaging with a product
 * resets its fatigue count for that customer.
 */
@Component
class RecommendationsListener implements IngestedEventsConsumer {

    private static final Set<String> CLICKS = Set.of("Product Clicked", "Product Viewed", "Product Added");

    private final OutcomeStore outcomes;
    private final FatigueStore fatigue;
    private final TrainingSchedule schedule;
    private final TransactionTemplate transactions;
    private final SessionMemory sessions;

    RecommendationsListener(
            OutcomeStore outcomes,
            FatigueStore fatigue,
            TrainingSchedule schedule,
            TransactionTemplate transactions,
            SessionMemory sessions) {
        this.outcomes = outcomes;
        this.fatigue = fatigue;
        this.schedule = schedule;
        this.transactions = transactions;
        this.sessions = sessions;
    }

    @Override
    public String name() {
        return "recommendations";
    }

    @Override
    public void consume(TenantId tenant, List<StoredEvent> events) {
        sessions.heard(tenant, events);
        boolean signals = false;
        for (StoredEvent event : events) {
            signals |= !EventSignals.of(event).isEmpty();
            attribute(tenant, event);
        }
        if (signals) {
            schedule.soon(tenant);
        }
    }

    private void attribute(TenantId tenant, StoredEvent event) {
        if (!"track".equals(event.type()) || event.event() == null) {
            return;
        }
        boolean click = CLICKS.contains(event.event());
        if (!click && !"Order Completed".equals(event.event())) {
            return;
        }
        JsonNode properties = event.payloadTree().path("properties");
        UUID recommendation = uuid(EventSignals.text(properties.get("recommendation_id")));
        if (recommendation == null) {
            return;
        }
        List<String> products = click
                ? Optional.ofNullable(EventSignals.productId(properties)).stream()
                        .toList()
                : properties.path("products").values().stream()
                        .map(EventSignals::productId)
                        .filter(id -> id != null)
                        .toList();
        TenantContext.run(
                tenant,
                () -> transactions.executeWithoutResult(status -> {
                    Optional<String> customer = outcomes.customerOf(tenant, recommendation);
                    for (String product : products) {
                        boolean fresh = outcomes.record(
                                tenant,
                                event.eventId(),
                                product,
                                click ? "click" : "conversion",
                                recommendation,
                                event.timestamp());
                        if (fresh && customer.isPresent()) {
                            fatigue.engaged(tenant, CustomerId.of(customer.get()), product);
                        }
                    }
                }));
    }

    private static @Nullable UUID uuid(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
