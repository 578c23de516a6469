package io.hearth.ml.clv;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Distinct {@code (x, t_x, T)} triples with how many customers share each one.
 *
 * <p>Cohorts measured in whole days repeat the same triples many times, so the likelihoods loop over
 * distinct triples with weights instead of over customers. Triples are sorted by frequency so that
 * terms depending only on {@code x} can be computed once per frequency.
 */
public final class GroupedStatistics {

    private static final Comparator<SufficientStatistics> ORDER = Comparator.comparingInt(
                    SufficientStatistics::frequency)
            .thenComparingDouble(SufficientStatistics::recency)
            .thenComparingDouble(SufficientStatistics::age);

    final int[] frequency;
    final double[] recency;
    final double[] age;
    final double[] weight;
    private final double customerCount;

    private GroupedStatistics(Map<SufficientStatistics, Integer> counts) {
        int size = counts.size();
        frequency = new int[size];
        recency = new double[size];
        age = new double[size];
        weight = new double[size];
        int i = 0;
        double total = 0;
        for (Map.Entry<SufficientStatistics, Integer> entry : counts.entrySet()) {
            frequency[i] = entry.getKey().frequency();
            recency[i] = entry.getKey().recency();
            age[i] = entry.getKey().age();
            weight[i] = entry.getValue();
            total += weight[i];
            i++;
        }
        customerCount = total;
    }

    /** Groups the customers' statistics; at least one customer is required. */
    public static GroupedStatistics of(Collection<SufficientStatistics> customers) {
        requireNonNull(customers, "customers is null");
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("customers is empty");
        }
        Map<SufficientStatistics, Integer> counts = new TreeMap<>(ORDER);
        for (SufficientStatistics customer : customers) {
            counts.merge(requireNonNull(customer, "customer is null"), 1, Integer::sum);
        }
        return new GroupedStatistics(counts);
    }

    /** Number of distinct triples. */
    public int size() {
        return frequency.length;
    }

    /** Number of customers across all triples. */
    public double customerCount() {
        return customerCount;
    }

    /** Largest repeat-transaction count; the triples are sorted, so it is the last one. */
    int maxFrequency() {
        return frequency[frequency.length - 1];
    }

    /** Mean of {@code x / T} over customers with {@code T > 0}, a rough purchase rate for starting values. */
    double meanRate() {
        double rate = 0;
        double customers = 0;
        for (int i = 0; i < size(); i++) {
            if (age[i] > 0) {
                rate += weight[i] * frequency[i] / age[i];
                customers += weight[i];
            }
        }
        return customers > 0 ? rate / customers : 0;
    }

    /** Customer-weighted mean age {@code T}. */
    double meanAge() {
        double total = 0;
        for (int i = 0; i < size(); i++) {
            total += weight[i] * age[i];
        }
        return total / customerCount;
    }
}
