package io.hearth.predictions.internal;

import io.hearth.predictions.TrainingListener;
import io.hearth.profiles.CustomerOrder;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.ProfileManagement;
import io.hearth.profiles.TimelineEntry;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Reads what the models need through the profiles facade: every customer's orders, or one customer's features. */
@Component
class HistoryReader {

    private static final int PAGE = 1000;
    // Engagement hours come from the newest events: enough to see a habit, bounded for one request.
    private static final int ENGAGEMENT_EVENTS = 200;

    private final ProfileManagement profiles;

    HistoryReader(ProfileManagement profiles) {
        this.profiles = profiles;
    }

    /** Every live customer with their purchases, a page of ids and one query of orders at a time. */
    List<PurchaseHistory> all(TenantId tenant, TrainingListener listener) {
        List<PurchaseHistory> histories = new ArrayList<>();
        CustomerId after = null;
        long read = 0;
        while (true) {
            List<CustomerId> page = profiles.customerIds(tenant, PAGE, after);
            if (page.isEmpty()) {
                return histories;
            }
            Map<CustomerId, List<CustomerOrder>> orders = profiles.ordersOf(tenant, page);
            orders.forEach((customer, list) -> histories.add(PurchaseHistory.of(customer, list)));
            read += page.size();
            listener.read(read);
            after = page.getLast();
        }
    }

    CustomerFeatures features(TenantId tenant, CustomerProfile profile, Instant asOf) {
        CustomerId customer = profile.customerId();
        PurchaseHistory history = PurchaseHistory.of(customer, profiles.orders(tenant, customer));
        int[] hours = new int[CustomerFeatures.HOURS_OF_WEEK];
        for (TimelineEntry entry : profiles.timeline(tenant, customer, null, null, ENGAGEMENT_EVENTS, null)
                .entries()) {
            if (entry.orderId() == null && !entry.timestamp().isAfter(asOf)) {
                hours[CustomerFeatures.hourOfWeek(entry.timestamp())]++;
            }
        }
        return new CustomerFeatures(
                customer,
                asOf,
                history,
                hours,
                profile.computed().lastSeenAt(),
                profile.computed().rfm());
    }
}
