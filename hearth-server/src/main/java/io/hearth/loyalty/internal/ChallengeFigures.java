package io.hearth.loyalty.internal;

import io.hearth.loyalty.Challenge.Kind;
import io.hearth.profiles.CustomerOrder;
import io.hearth.profiles.OrderStatus;
import io.hearth.profiles.ProfileManagement;
import io.hearth.profiles.ProfilesProblem;
import io.hearth.shared.CustomerId;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * A member's figure per calendar month (UTC) for each kind of challenge, read once per evaluation:
 * orders and spend from their profile, first purchases per category from their lots, reviews from
 * their review bonuses, and page views from their timeline.
 */
@Component
class ChallengeFigures {

    static final int HISTORY_MONTHS = 12;
    private static final int MAX_VISITS = 500;

    private final ProfileManagement profiles;
    private final LotStore lots;
    private final TransactionStore ledger;

    ChallengeFigures(ProfileManagement profiles, LotStore lots, TransactionStore ledger) {
        this.profiles = profiles;
        this.lots = lots;
        this.ledger = ledger;
    }

    /** Figures of the kinds asked for; months without activity are absent (zero). */
    record Figures(YearMonth first, Map<Kind, Map<YearMonth, Double>> months) {

        double in(Kind kind, YearMonth month) {
            return months.getOrDefault(kind, Map.of()).getOrDefault(month, 0.0);
        }

        /** Each month from the first one (at most twelve back) to the month before {@code period}. */
        double[] history(Kind kind, YearMonth period) {
            YearMonth from =
                    first.isBefore(period.minusMonths(HISTORY_MONTHS)) ? period.minusMonths(HISTORY_MONTHS) : first;
            int length = (int) Math.max(0, from.until(period, ChronoUnit.MONTHS));
            double[] history = new double[length];
            for (int i = 0; i < length; i++) {
                history[i] = in(kind, from.plusMonths(i));
            }
            return history;
        }
    }

    Figures of(TenantId tenant, CustomerId customer, Set<Kind> kinds, YearMonth period) {
        List<CustomerOrder> orders = withProfile(() -> profiles.orders(tenant, customer)).stream()
                .filter(order -> order.placedAt() != null)
                .filter(order -> order.status() != OrderStatus.REFUNDED && order.status() != OrderStatus.CANCELLED)
                .toList();
        Map<Kind, Map<YearMonth, Double>> months = new EnumMap<>(Kind.class);
        for (Kind kind : kinds) {
            months.put(
                    kind,
                    switch (kind) {
                        case SPEND -> spend(orders);
                        case ORDERS ->
                            count(orders.stream().map(CustomerOrder::placedAt).toList());
                        case NEW_CATEGORIES ->
                            count(List.copyOf(
                                    TenantContext.call(tenant, () -> lots.firstEarnedPerCategory(tenant, customer))
                                            .values()));
                        case REVIEWS ->
                            count(TenantContext.call(
                                    tenant, () -> ledger.bonusTimes(tenant, customer, "review_written:%")));
                        case WEEKLY_VISITS -> weeklyRuns(visits(tenant, customer));
                    });
        }
        YearMonth first = orders.stream()
                .map(order -> month(order.placedAt()))
                .min(YearMonth::compareTo)
                .orElse(period);
        for (Map<YearMonth, Double> figures : months.values()) {
            for (YearMonth month : figures.keySet()) {
                first = month.isBefore(first) ? month : first;
            }
        }
        return new Figures(first, months);
    }

    private static Map<YearMonth, Double> spend(List<CustomerOrder> orders) {
        Map<YearMonth, Double> months = new HashMap<>();
        for (CustomerOrder order : orders) {
            if (order.total() != null) {
                months.merge(month(order.placedAt()), order.total().doubleValue(), Double::sum);
            }
        }
        return months;
    }

    private static Map<YearMonth, Double> count(List<Instant> times) {
        Map<YearMonth, Double> months = new HashMap<>();
        times.forEach(time -> months.merge(month(time), 1.0, Double::sum));
        return months;
    }

    // Page views on the web and screen views in an app are both visits (VisitListener reacts to both).
    private List<Instant> visits(TenantId tenant, CustomerId customer) {
        List<Instant> visits = new ArrayList<>();
        for (String type : List.of("page", "screen")) {
            withProfile(() -> profiles.timeline(tenant, customer, type, null, MAX_VISITS, null)
                            .entries())
                    .forEach(entry -> visits.add(entry.timestamp()));
        }
        return visits;
    }

    // A member who earned only through the ledger API has no profile: no orders, no visits.
    private static <T> List<T> withProfile(Supplier<List<T>> read) {
        try {
            return read.get();
        } catch (HearthProblem problem) {
            if (problem.type() != ProfilesProblem.UNKNOWN_CUSTOMER) {
                throw problem;
            }
            return List.of();
        }
    }

    /**
     * Per month, the longest run of consecutive weeks with a visit among the weeks whose Thursday falls
     * in that month (as ISO weeks belong to years), so each week belongs to exactly one month and the
     * week a month starts in counts for it when most of its days do.
     */
    static Map<YearMonth, Double> weeklyRuns(List<Instant> visits) {
        TreeSet<LocalDate> mondays = new TreeSet<>();
        for (Instant visit : visits) {
            mondays.add(visit.atZone(ZoneOffset.UTC)
                    .toLocalDate()
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        }
        Map<YearMonth, Double> months = new HashMap<>();
        LocalDate previous = null;
        int run = 0;
        for (LocalDate monday : mondays) {
            boolean continues = previous != null
                    && previous.plusWeeks(1).equals(monday)
                    && monthOf(previous).equals(monthOf(monday));
            run = continues ? run + 1 : 1;
            months.merge(monthOf(monday), (double) run, Math::max);
            previous = monday;
        }
        return months;
    }

    private static YearMonth monthOf(LocalDate monday) {
        return YearMonth.from(monday.plusDays(3));
    }

    static YearMonth month(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC));
    }
}
