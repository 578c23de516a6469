package io.hearth.ml.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Dense indices for item names and, per item, the bit set of baskets holding it. */
final class ItemIndex {

    private final List<String> names;
    private final List<long[]> baskets;

    private ItemIndex(List<String> names, List<long[]> baskets) {
        this.names = names;
        this.baskets = baskets;
    }

    static ItemIndex of(Collection<? extends Collection<String>> baskets) {
        int words = (baskets.size() + 63) / 64;
        Map<String, Integer> ids = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<long[]> bits = new ArrayList<>();
        int basket = 0;
        for (Collection<String> items : baskets) {
            for (String item : items) {
                int id = ids.computeIfAbsent(item, name -> {
                    names.add(name);
                    bits.add(new long[words]);
                    return names.size() - 1;
                });
                bits.get(id)[basket >>> 6] |= 1L << (basket & 63);
            }
            basket++;
        }
        return new ItemIndex(names, bits);
    }

    int size() {
        return names.size();
    }

    String name(int item) {
        return names.get(item);
    }

    long[] baskets(int item) {
        return baskets.get(item);
    }
}
