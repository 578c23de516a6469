package io.hearth.ml.intent;

import java.util.Arrays;
import java.util.Collections;
import java.util.Random;

/** A random subset of intents hidden from a calibration model, with the label mapping of the rest. */
record UnseenIntents(boolean[] hiddenByLabel, int[] seenIndex, int seen) {

    static UnseenIntents choose(int classes, double fraction, long seed) {
        int hiddenCount = Math.max(1, Math.min(classes - 2, (int) Math.round(classes * fraction)));
        Integer[] order = new Integer[classes];
        Arrays.setAll(order, i -> i);
        Collections.shuffle(Arrays.asList(order), new Random(seed));
        boolean[] hidden = new boolean[classes];
        for (int i = 0; i < hiddenCount; i++) {
            hidden[order[i]] = true;
        }
        int[] seenIndex = new int[classes];
        int next = 0;
        for (int label = 0; label < classes; label++) {
            seenIndex[label] = hidden[label] ? -1 : next++;
        }
        return new UnseenIntents(hidden, seenIndex, next);
    }

    boolean hidden(int label) {
        return hiddenByLabel[label];
    }

    /** Seen labels in the reduced numbering; hidden ones become -1 (out of scope). */
    int[] remap(int[] labels) {
        return Arrays.stream(labels).map(label -> seenIndex[label]).toArray();
    }
}
