package io.hearth.ml.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Apriori (Agrawal &amp; Srikant 1994) with one bit set of baskets per frequent itemset, so support of a
 * candidate is the population count of two sets ANDed. Rules have one consequent item, as R's arules
 * produces them, so the results can be compared with its documentation.
 */
public final class Apriori {

    private Apriori() {}

    /** Every rule meeting the settings, by descending lift (then confidence, then support). */
    public static List<AssociationRule> mine(
            Collection<? extends Collection<String>> baskets, AprioriSettings settings) {
        ItemIndex index = ItemIndex.of(baskets);
        int minCount = (int) Math.ceil(settings.minSupport() * baskets.size() - 1e-9);
        Map<Itemset, long[]> level = frequentSingles(index, minCount);
        Map<Itemset, Integer> counts = new HashMap<>();
        level.forEach((itemset, bits) -> counts.put(itemset, Itemset.count(bits)));
        for (int size = 2; size <= settings.maxItems() && !level.isEmpty(); size++) {
            level = nextLevel(level, minCount);
            level.forEach((itemset, bits) -> counts.put(itemset, Itemset.count(bits)));
        }
        List<AssociationRule> rules = new ArrayList<>();
        counts.forEach((itemset, count) -> addRules(itemset, count, counts, index, baskets.size(), settings, rules));
        rules.sort(Comparator.comparingDouble(AssociationRule::lift)
                .thenComparingDouble(AssociationRule::confidence)
                .thenComparingDouble(AssociationRule::support)
                .reversed());
        return rules;
    }

    private static Map<Itemset, long[]> frequentSingles(ItemIndex index, int minCount) {
        Map<Itemset, long[]> singles = new TreeMap<>();
        for (int item = 0; item < index.size(); item++) {
            long[] bits = index.baskets(item);
            if (Itemset.count(bits) >= minCount) {
                singles.put(new Itemset(new int[] {item}), bits);
            }
        }
        return singles;
    }

    /** Joins itemsets sharing all but their last item, keeping candidates whose subsets are all frequent. */
    private static Map<Itemset, long[]> nextLevel(Map<Itemset, long[]> level, int minCount) {
        List<Itemset> sorted = new ArrayList<>(level.keySet());
        Map<Itemset, long[]> next = new TreeMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size() && sorted.get(i).sharesPrefix(sorted.get(j)); j++) {
                Itemset candidate = sorted.get(i).join(sorted.get(j));
                if (!candidate.allSubsetsIn(level)) {
                    continue;
                }
                long[] bits = Itemset.and(level.get(sorted.get(i)), level.get(sorted.get(j)));
                if (Itemset.count(bits) >= minCount) {
                    next.put(candidate, bits);
                }
            }
        }
        return next;
    }

    private static void addRules(
            Itemset itemset,
            int count,
            Map<Itemset, Integer> counts,
            ItemIndex index,
            int basketCount,
            AprioriSettings settings,
            List<AssociationRule> rules) {
        if (itemset.size() < 2) {
            return;
        }
        for (int position = 0; position < itemset.size(); position++) {
            int consequent = itemset.items()[position];
            double confidence = (double) count / counts.get(itemset.without(position));
            if (confidence < settings.minConfidence()) {
                continue;
            }
            double consequentSupport = (double) counts.get(new Itemset(new int[] {consequent})) / basketCount;
            List<String> antecedent = Arrays.stream(itemset.without(position).items())
                    .mapToObj(index::name)
                    .sorted()
                    .toList();
            rules.add(new AssociationRule(
                    antecedent,
                    index.name(consequent),
                    count,
                    (double) count / basketCount,
                    confidence,
                    confidence / consequentSupport));
        }
    }
}
