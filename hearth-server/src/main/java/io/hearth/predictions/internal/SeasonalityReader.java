package io.hearth.predictions.internal;

import io.hearth.ml.seasonality.SeasonalProfile;
import io.hearth.ml.seasonality.Seasonality;
import io.hearth.predictions.PredictionsProblem;
import io.hearth.predictions.SeasonalityReport;
import io.hearth.profiles.CustomerOrder;
import io.hearth.profiles.OrderStatus;
import io.hearth.profiles.ProfileManagement;
import io.hearth.segments.SegmentId;
import io.hearth.segments.SegmentManagement;
import io.hearth.segments.SegmentsProblem;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The weekly, daily and yearly activity profile of a segment's orders (or the whole shop's), read a
 * page of customers and one query of their orders at a time, on request.
 */
@Component
class SeasonalityReader {

    private static final int PAGE = 1000;

    private final ProfileManagement profiles;
    private final SegmentManagement segments;

    SeasonalityReader(ProfileManagement profiles, SegmentManagement segments) {
        this.profiles = profiles;
        this.segments = segments;
    }

    SeasonalityReport profile(TenantId tenant, Optional<SegmentId> segment) {
        segment.ifPresent(id -> segments.segment(tenant, id)
                .orElseThrow(
                        () -> new HearthProblem(SegmentsProblem.UNKNOWN_SEGMENT, "No such segment in this tenant")));
        List<Instant> orders = new ArrayList<>();
        int customers = 0;
        CustomerId after = null;
        while (true) {
            List<CustomerId> page = segment.isPresent()
                    ? segments.members(tenant, segment.get(), PAGE, after).customers()
                    : profiles.customerIds(tenant, PAGE, after);
            if (page.isEmpty()) {
                break;
            }
            customers += page.size();
            profiles.ordersOf(tenant, page)
                    .values()
                    .forEach(list -> list.stream()
                            .filter(order -> order.placedAt() != null && order.status() != OrderStatus.CANCELLED)
                            .map(CustomerOrder::placedAt)
                            .forEach(orders::add));
            after = page.getLast();
        }
        if (orders.isEmpty()) {
            throw new HearthProblem(PredictionsProblem.NOT_ENOUGH_DATA, "These customers have no orders yet");
        }
        SeasonalProfile profile = Seasonality.profile(orders, ZoneOffset.UTC);
        return new SeasonalityReport(
                segment.map(id -> id.value().toString()).orElse(null),
                customers,
                profile.events(),
                boxed(profile.dayOfWeek()),
                boxed(profile.hourOfDay()),
                boxed(profile.month()));
    }

    private static List<Double> boxed(double[] indices) {
        // JSON has no NaN: a month never covered is null.
        return Arrays.stream(indices)
                .mapToObj(index -> Double.isNaN(index) ? null : Math.round(index * 1e4) / 1e4)
                .toList();
    }
}
