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
        List<TimelineEntry> recent = profiles.timeline(tenant, customer, null, null, ENGAGEMENT_EVENTS, null)
                .entries();
        return assemble(
                profile,
                asOf,
                profiles.orders(tenant, customer),
                lines.items(tenant, placings, withProducts),
                recent,
                engagements.before(tenant, List.of(customer), asOf));
    }

    /**
     * The threshold features (no product ids) of several customers with a fixed number of queries,
     * whatever their number: what rescoring a batch of changed profiles reads.
     */
    Map<CustomerId, CustomerFeatures> thresholdFeatures(TenantId tenant, List<CustomerProfile> batch, Instant asOf) {
        List<CustomerId> customers =
                batch.stream().map(CustomerProfile::customerId).toList();
        Map<CustomerId, List<CustomerOrder>> orders = profiles.ordersOf(tenant, customers);
        Map<CustomerId, List<TimelineEntry>> placings =
                profiles.eventsOf(tenant, customers, OrderLineReader.ORDER_COMPLETED);
        Map<CustomerId, List<TimelineEntry>> recent = profiles.recentEventsOf(tenant, customers, ENGAGEMENT_EVENTS);
        Map<String, List<Engagement>> touches = new HashMap<>();
        for (Engagement engagement : engagements.before(tenant, customers, asOf)) {
            touches.computeIfAbsent(engagement.customerId(), id -> new ArrayList<>())
                    .add(engagement);
        }
        Map<CustomerId, CustomerFeatures> features = new HashMap<>();
        for (CustomerProfile profile : batch) {
            CustomerId customer = profile.customerId();
            List<TimelineEntry> placed = placings.getOrDefault(customer, List.of());
            features.put(
                    customer,
                    assemble(
                            profile,
                            asOf,
                            orders.getOrDefault(customer, List.of()),
                            lines.items(tenant, placed.subList(0, Math.min(PLACINGS, placed.size())), false),
                            recent.getOrDefault(customer, List.of()),
                            touches.getOrDefault(customer.value(), List.of())));
        }
        return features;
    }

    private CustomerFeatures assemble(
            CustomerProfile profile,
            Instant asOf,
            List<CustomerOrder> orders,
            Map<String, OrderItems> items,
            List<TimelineEntry> recent,
            List<Engagement> touches) {
        CustomerId customer = profile.customerId();
        int[] hours = new int[CustomerFeatures.HOURS_OF_WEEK];
        Map<String, List<Instant>> trouble = new HashMap<>();
        for (TimelineEntry entry : recent) {
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
                PurchaseHistory.of(customer, orders, items),
                hours,
                profile.computed().lastSeenAt(),
                profile.computed().rfm(),
                trouble,
                touches);
    }
}
