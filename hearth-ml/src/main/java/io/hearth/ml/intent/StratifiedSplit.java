package io.hearth.ml.intent;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Splits example positions so that every label keeps the same share in both parts; a label with a
 * single example stays in the first part.
 */
public record StratifiedSplit(int[] first, int[] second) {

    public StratifiedSplit {
        requireNonNull(first, "first is null");
        requireNonNull(second, "second is null");
    }

    /** Puts about {@code secondFraction} of each label's positions into {@code second}. */
    public static StratifiedSplit of(List<String> labels, double secondFraction, long seed) {
        Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            byLabel.computeIfAbsent(labels.get(i), label -> new ArrayList<>()).add(i);
        }
        Random random = new Random(seed);
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        byLabel.keySet().stream().sorted().forEach(label -> {
            List<Integer> positions = new ArrayList<>(byLabel.get(label));
            Collections.shuffle(positions, random);
            int cut = positions.size() < 2 ? 0 : Math.max(1, (int) Math.round(positions.size() * secondFraction));
            second.addAll(positions.subList(0, cut));
            first.addAll(positions.subList(cut, positions.size()));
        });
        return new StratifiedSplit(
                first.stream().mapToInt(Integer::intValue).sorted().toArray(),
                second.stream().mapToInt(Integer::intValue).sorted().toArray());
    }
}
