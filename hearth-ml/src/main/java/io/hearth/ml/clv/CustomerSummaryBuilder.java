package io.hearth.ml.clv;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Turns raw transactions into per-customer {@link CustomerSummary} values for a calibration window.
 *
 * <p>Each customer's clock starts at their first purchase; customers whose first purchase falls after
 * the calibration end are not part of the cohort and are dropped. Several purchases on one day count
 * as one transaction (their amounts are added), as in the BG/NBD and Pareto/NBD literature, because
 * the models describe shopping trips rather than order lines.
 */
public final class CustomerSummaryBuilder {

    private final LocalDate calibrationEnd;
    private final LocalDate holdoutEnd;
    private final PeriodUnit unit;

    /**
     * @param calibrationEnd last day (inclusive) of the calibration window
     * @param holdoutEnd last day (inclusive) of the holdout window; equal to calibrationEnd for none
     * @param unit period in which recency and age are expressed
     */
    public CustomerSummaryBuilder(LocalDate calibrationEnd, LocalDate holdoutEnd, PeriodUnit unit) {
        this.calibrationEnd = requireNonNull(calibrationEnd, "calibrationEnd is null");
        this.holdoutEnd = requireNonNull(holdoutEnd, "holdoutEnd is null");
        this.unit = requireNonNull(unit, "unit is null");
        if (holdoutEnd.isBefore(calibrationEnd)) {
            throw new IllegalArgumentException("holdoutEnd is before calibrationEnd");
        }
    }

    /** Summarizes every customer with a first purchase on or before the calibration end. */
    public List<CustomerSummary> build(Collection<Transaction> transactions) {
        Map<String, NavigableMap<LocalDate, Double>> spendByDay = new TreeMap<>();
        for (Transaction transaction : transactions) {
            spendByDay
                    .computeIfAbsent(transaction.customerId(), id -> new TreeMap<>())
                    .merge(transaction.date(), transaction.amount(), Double::sum);
        }
        List<CustomerSummary> summaries = new ArrayList<>(spendByDay.size());
        spendByDay.forEach((customerId, days) -> {
            if (!days.firstKey().isAfter(calibrationEnd)) {
                summaries.add(summarize(customerId, days));
            }
        });
        return List.copyOf(summaries);
    }

    private CustomerSummary summarize(String customerId, NavigableMap<LocalDate, Double> days) {
        LocalDate first = days.firstKey();
        NavigableMap<LocalDate, Double> calibration = days.headMap(calibrationEnd, true);
        int frequency = calibration.size() - 1;
        double recency = periodsBetween(first, calibration.lastKey());
        double age = periodsBetween(first, calibrationEnd);
        double repeatSpend = 0;
        for (double amount : calibration.tailMap(first, false).values()) {
            repeatSpend += amount;
        }
        double meanRepeatSpend = frequency > 0 ? repeatSpend / frequency : 0;
        int holdout = days.subMap(calibrationEnd, false, holdoutEnd, true).size();
        return new CustomerSummary(
                customerId, new SufficientStatistics(frequency, recency, age), meanRepeatSpend, holdout);
    }

    private double periodsBetween(LocalDate from, LocalDate to) {
        return unit.fromDays(ChronoUnit.DAYS.between(from, to));
    }
}
