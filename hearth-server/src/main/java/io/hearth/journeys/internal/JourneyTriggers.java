package io.hearth.journeys.internal;

import io.hearth.ingestion.IngestedEventsConsumer;
import io.hearth.ingestion.StoredEvent;
import io.hearth.journeys.JourneyVersion;
import io.hearth.journeys.Trigger;
import io.hearth.profiles.OrderStatusChanged;
import io.hearth.profiles.OrdersChanged;
import io.hearth.segments.SegmentEntered;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts runs from what other modules publish: order lifecycle steps, segment entries and tracked
 * events (which also wake runs waiting for them and end runs they are an exit condition of). Every
 * reaction is idempotent, as delivery is at least once.
 */
@Component
class JourneyTriggers implements IngestedEventsConsumer {

    private final Definitions definitions;
    private final Entries entries;
    private final CustomerEvents customerEvents;
    private final OrderEntries orderEntries;
    private final Clock clock;

    JourneyTriggers(
            Definitions definitions,
            Entries entries,
            CustomerEvents customerEvents,
            OrderEntries orderEntries,
            Clock clock) {
        this.definitions = definitions;
        this.entries = entries;
        this.customerEvents = customerEvents;
        this.orderEntries = orderEntries;
        this.clock = clock;
    }

    /**
     * Every order status, the whole batch of changes at once. Placed and paid orders of known users are
     * usually started already, from the ingested batch ({@link OrderEntries}), and then cost one read
     * per journey here; the rest start together, as the ingested batch's do.
     */
    @Async(JourneysExecutorConfiguration.NAME)
    @TransactionalEventListener
    void on(OrdersChanged changed) {
        List<JourneyVersion> journeys = journeys(changed.tenantId());
        List<Entries.Entry> wanted = new ArrayList<>();
        for (OrderStatusChanged change : changed.changes()) {
            wanted.addAll(orderEntries(journeys, change));
        }
        entries.enterAllNotYetStarted(changed.tenantId(), wanted);
    }

    private static List<Entries.Entry> orderEntries(List<JourneyVersion> journeys, OrderStatusChanged changed) {
        List<Entries.Entry> wanted = new ArrayList<>();
        for (JourneyVersion journey : journeys) {
            if (journey.definition().trigger() instanceof Trigger.OnOrder order && order.status() == changed.status()) {
                Map<String, Object> context = new LinkedHashMap<>();
                context.put("orderId", changed.orderId());
                context.put("orderStatus", changed.status().name().toLowerCase(Locale.ROOT));
                if (changed.total() != null) {
                    context.put("orderTotal", changed.total().toPlainString());
                }
                wanted.add(new Entries.Entry(
                        journey, changed.customerId(), "order:" + changed.orderId() + ":" + changed.status(), context));
            }
        }
        return wanted;
    }

    @Async
    @TransactionalEventListener
    void on(SegmentEntered entered) {
        for (JourneyVersion journey : journeys(entered.tenantId())) {
            if (journey.definition().trigger() instanceof Trigger.OnSegmentEntry segment
                    && segment.segment().equals(entered.segmentId().value())) {
                // The event has no id of its own: one entry per customer and segment per minute.
                String minute = clock.instant().truncatedTo(ChronoUnit.MINUTES).toString();
                entries.enter(
                        entered.tenantId(),
                        journey,
                        entered.customerId(),
                        "segment:" + entered.customerId().value() + ":" + minute,
                        Map.of("segmentId", segment.segment().toString()));
            }
        }
    }

    @Override
    public String name() {
        return "journeys";
    }

    /** Tracked events are matched to their customer's profile, so profiles resolves them first. */
    @Override
    public Set<String> after() {
        return Set.of("profiles");
    }

    @Override
    public void consume(TenantId tenant, List<StoredEvent> events) {
        List<JourneyVersion> journeys = journeys(tenant);
        if (journeys.isEmpty()) {
            return;
        }
        customerEvents.handleAll(tenant, journeys, events);
        // After exits and wakes, so a purchase never ends the run it has just started.
        orderEntries.enterAll(tenant, journeys, events);
    }

    private List<JourneyVersion> journeys(TenantId tenant) {
        return definitions.latestOfEach(tenant);
    }
}
