package io.hearth.ml.rules;

import io.hearth.ml.replenish.Purchase;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Mines "bought A → buys B within N days" rules: a customer follows the rule when their first
 * purchase of B comes on a later day than some purchase of A, at most {@code window} days after it.
 *
 * <p>Only the first purchase of B counts because the rule predicts a new need, not a repeat; any
 * purchase of A may trigger it. Days are UTC calendar days. Confidence is over the customers who
 * bought A; pairs are counted once per customer in a dense matrix over the items bought by at least
 * {@code minCustomers} customers, which keeps counting free of boxing.
 */
public final class SequentialRules {

    private SequentialRules() {}

    /** Rules meeting the settings, by descending lift then confidence. */
    public static List<SequentialRule> mine(Collection<Purchase> purchases, SequentialRuleSettings settings) {
        Map<String, Map<String, TreeSet<Long>>> days = purchaseDays(purchases);
        Map<String, Integer> buyers = new HashMap<>();
        days.values().forEach(own -> own.keySet().forEach(item -> buyers.merge(item, 1, Integer::sum)));
        List<String> names = buyers.entrySet().stream()
                .filter(entry -> entry.getValue() >= settings.minCustomers())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        Map<String, Integer> index = new HashMap<>();
        names.forEach(name -> index.put(name, index.size()));
        int items = names.size();
        int[] pairs = new int[items * items];
        long window = settings.window().toDays();
        for (Map<String, TreeSet<Long>> own : days.values()) {
            countPairs(own, index, window, pairs);
        }
        return rules(names, buyers, pairs, days.size(), settings);
    }

    private static List<SequentialRule> rules(
            List<String> names,
            Map<String, Integer> buyers,
            int[] pairs,
            int customers,
            SequentialRuleSettings settings) {
        int items = names.size();
        List<SequentialRule> rules = new ArrayList<>();
        for (int a = 0; a < items; a++) {
            for (int b = 0; b < items; b++) {
                int count = pairs[a * items + b];
                double confidence = (double) count / buyers.get(names.get(a));
                if (count >= settings.minCustomers() && confidence >= settings.minConfidence()) {
                    double base = (double) buyers.get(names.get(b)) / customers;
                    rules.add(new SequentialRule(
                            names.get(a),
                            names.get(b),
                            count,
                            (double) count / customers,
                            confidence,
                            confidence / base));
                }
            }
        }
        rules.sort(Comparator.comparingDouble(SequentialRule::lift)
                .thenComparingDouble(SequentialRule::confidence)
                .reversed());
        return List.copyOf(rules);
    }

    /** The UTC epoch days on which each customer bought each item. */
    public static Map<String, Map<String, TreeSet<Long>>> purchaseDays(Collection<Purchase> purchases) {
        Map<String, Map<String, TreeSet<Long>>> days = new HashMap<>();
        for (Purchase purchase : purchases) {
            long day = LocalDate.ofInstant(purchase.at(), ZoneOffset.UTC).toEpochDay();
            days.computeIfAbsent(purchase.customerId(), id -> new HashMap<>())
                    .computeIfAbsent(purchase.itemId(), item -> new TreeSet<>())
                    .add(day);
        }
        return days;
    }

    /** Whether a purchase of {@code antecedent} lies 1..window days before {@code day}. */
    static boolean boughtShortlyBefore(TreeSet<Long> antecedent, long day, long window) {
        Long latest = antecedent.lower(day);
        return latest != null && day - latest <= window;
    }

    private static void countPairs(
            Map<String, TreeSet<Long>> own, Map<String, Integer> index, long window, int[] pairs) {
        int items = index.size();
        List<Map.Entry<Integer, TreeSet<Long>>> frequent = new ArrayList<>();
        own.forEach((item, itemDays) -> {
            Integer id = index.get(item);
            if (id != null) {
                frequent.add(Map.entry(id, itemDays));
            }
        });
        Set<Integer> counted = new HashSet<>();
        for (Map.Entry<Integer, TreeSet<Long>> consequent : frequent) {
            long first = consequent.getValue().first();
            for (Map.Entry<Integer, TreeSet<Long>> antecedent : frequent) {
                int pair = antecedent.getKey() * items + consequent.getKey();
                boolean follows = !antecedent.getKey().equals(consequent.getKey())
                        && boughtShortlyBefore(antecedent.getValue(), first, window);
                if (follows && counted.add(pair)) {
                    pairs[pair]++;
                }
            }
        }
    }
}
