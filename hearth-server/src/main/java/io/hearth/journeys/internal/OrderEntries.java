package io.hearth.journeys.internal;

import io.hearth.ingestion.StoredEvent;
import io.hearth.journeys.JourneyVersion;
import io.hearth.journeys.Trigger;
import io.hearth.profiles.IdentifierKind;
import io.hearth.profiles.OrderStatus;
import io.hearth.profiles.OrderTotals;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Starts the runs of order-placed and order-paid journeys straight from an ingested batch. Profiles
 * handles the batch first (journeys' consumer runs after it on the same thread), so the buyer's
 * profile exists; waiting instead for profiles' {@code OrderStatusChanged} put a purchase's first send
 * behind the event publication registry and a queue of its own (tens of seconds at 200 purchases/s).
 * The entry key and context are those the {@code OrderStatusChanged} listener uses, so whichever of
 * the two comes second starts nothing; that listener still covers every other status and the orders
 * this cannot resolve (no user id).
 */
@Component
class OrderEntries {

    /** What profiles' order lifecycle makes of an {@code Order Completed} (see its {@code OrderLifecycle}). */
    private static final String COMPLETED = "Order Completed";

    private static final List<OrderStatus> COMPLETED_STEPS = List.of(OrderStatus.PLACED, OrderStatus.PAID);

    private final ProfileManagement profiles;
    private final Entries entries;

    OrderEntries(ProfileManagement profiles, Entries entries) {
        this.profiles = profiles;
        this.entries = entries;
    }

    void enterAll(TenantId tenant, List<JourneyVersion> journeys, List<StoredEvent> events) {
        List<JourneyVersion> onCompleted = journeys.stream()
                .filter(journey -> journey.definition().trigger() instanceof Trigger.OnOrder order
                        && COMPLETED_STEPS.contains(order.status()))
                .toList();
        if (onCompleted.isEmpty()) {
            return;
        }
        List<Completed> completed = new ArrayList<>();
        for (StoredEvent event : events) {
            if (!"track".equals(event.type()) || !COMPLETED.equals(event.event()) || event.userId() == null) {
                continue;
            }
            JsonNode properties = event.payloadTree().path("properties");
            String orderId = text(properties.get("order_id"));
            if (orderId != null) {
                completed.add(new Completed(event.userId(), orderId, OrderTotals.of(properties)));
            }
        }
        if (completed.isEmpty()) {
            return;
        }
        // One lookup for the batch's buyers, not one profile read per buyer.
        Map<String, CustomerId> customers = profiles.customerIds(
                tenant,
                IdentifierKind.USER_ID,
                completed.stream().map(Completed::userId).toList());
        List<Entries.Entry> wanted = new ArrayList<>();
        for (Completed order : completed) {
            CustomerId customer = customers.get(order.userId());
            if (customer == null) {
                continue; // not resolved to a profile: the OrderStatusChanged listener starts it, if anything does
            }
            for (JourneyVersion journey : onCompleted) {
                OrderStatus status = ((Trigger.OnOrder) journey.definition().trigger()).status();
                Map<String, Object> context = new LinkedHashMap<>();
                context.put("orderId", order.orderId());
                context.put("orderStatus", status.name().toLowerCase(Locale.ROOT));
                if (order.total() != null) {
                    context.put("orderTotal", order.total().toPlainString());
                }
                wanted.add(new Entries.Entry(journey, customer, "order:" + order.orderId() + ":" + status, context));
            }
        }
        entries.enterAll(tenant, wanted);
    }

    private record Completed(
            String userId, String orderId, @Nullable BigDecimal total) {}

    private static @Nullable String text(@Nullable JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? null : value.asString();
    }
}
