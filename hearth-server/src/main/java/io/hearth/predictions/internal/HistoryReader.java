package io.hearth.predictions.internal;

import io.hearth.ml.churn.Engagement;
import io.hearth.predictions.TrainingListener;
import io.hearth.profiles.CustomerOrder;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.ProfileManagement;
import io.hearth.profiles.TimelineEntry;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Reads what the models need: orders through the profiles facade, opens, clicks and support contacts
 * from the modules that record them; every customer's for training, or one customer's features.
 */
@Component
class HistoryReader {

    private static final int PAGE = 1000;
    // Engagement hours come from the newest events: enough to see a habit, bounded for one request.
    private static final int ENGAGEMENT_EVENTS = 200;
    // The orders whose lines one request reads: next needs and replenishment look at recent ones.
    private static final int PLACINGS = 500;

    private final ProfileManagement profiles;
    private final OrderLineReader lines;
    private final EngagementReader engagements;
    private final Set<String> troubleEvents;

    HistoryReader(
            ProfileManagement profiles,
            OrderLineReader lines,
            EngagementReader engagements,
            EarlyWarningSettings warnings) {
        this.profiles = profiles;
        this.lines = lines;
        this.engagements = engagements;
        this.troubleEvents = Set.copyOf(warnings.troubleEvents());
    }

    /** Every live customer's purchases and their engagements before {@code cutOff}, for training. */
    TrainingSet trainingSet(TenantId tenant, Instant cutOff, TrainingListener listener) {
        List<Engagement> touches = new ArrayList<>();
        List<PurchaseHistory> histories =
                read(tenant, listener, page -> touches.addAll(engagements.before(tenant, page, cutOff)));
        return new TrainingSet(tenant, histories, cutOff, touches);
    }

    /** Every live customer with their purchases, a page of ids and one query of orders (and lines) at a time. */
    List<PurchaseHistory> all(TenantId tenant, TrainingListener listener) {
        return read(tenant, listener, page -> {});
    }

    private List<PurchaseHistory> read(TenantId tenant, TrainingListener listener, Consumer<List<CustomerId>> perPage) {
        List<PurchaseHistory> histories = new ArrayList<>();
        CustomerId after = null;
        long read = 0;
        while (true) {
            List<CustomerId> page = profiles.customerIds(tenant, PAGE, after);
            if (page.isEmpty()) {
                return histories;
            }
            Map<CustomerId, List<CustomerOrder>> orders = profiles.ordersOf(tenant, page);
            List<TimelineEntry> placings =
                    profiles.eventsOf(tenant, page, OrderLineReader.ORDER_COMPLETED).values().stream()
                            .flatMap(List::stream)
                            .toList();
            Map<String, OrderItems> items = lines.items(tenant, placings, true);
            orders.forEach((customer, list) -> histories.add(PurchaseHistory.of(customer, list, items)));
            perPage.accept(page);
            read += page.size();
            listener.read(read);
            after = page.getLast();
        }
    }

    /**
     * One customer's features; {@code withProducts} also reads the product ids of their orders from the
     * event log (categories come with the profile's timeline either way).
     */
    CustomerFeatures features(TenantId tenant, CustomerProfile profile, Instant asOf, boolean withProducts) {
        CustomerId customer = profile.customerId();
        List<TimelineEntry> placings = profiles.timeline(
                        tenant, customer, "track", OrderLineReader.ORDER_COMPLETED, PLACINGS, null)
                .entries();
        PurchaseHistory history = PurchaseHistory.of(
                customer, profiles.orders(tenant, customer), lines.items(tenant, placings, withProducts));
        int[] hours = new int[CustomerFeatures.HOURS_OF_WEEK];
        Map<String, List<Instant>> trouble = new HashMap<>();
        for (TimelineEntry entry : profiles.timeline(tenant, customer, null, null, ENGAGEMENT_EVENTS, null)
                .entries()) {
            if (entry.timestamp().isAfter(asOf)) {
                continue;
            }
            if (entry.event() != null && troubleEvents.contains(entry.event())) {
                trouble.computeIfAbsent(entry.event(), name -> new ArrayList<>())
                        .add(entry.timestamp());
            } else if (entry.orderId() == null) {
                hours[CustomerFeatures.hourOfWeek(entry.timestamp())]++;
            }
        }
        return new CustomerFeatures(
                customer,
                asOf,
                history,
                hours,
                profile.computed().lastSeenAt(),
                profile.computed().rfm(),
                trouble,
                engagements.before(tenant, List.of(customer), asOf));
    }
}
