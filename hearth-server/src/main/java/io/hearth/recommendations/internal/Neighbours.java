package io.hearth.recommendations.internal;

import io.hearth.ml.recommend.ItemCoOccurrence;

/** Each item's most similar items (dense indices) with their similarities, strongest first. */
record Neighbours(int[][] items, float[][] similarities) {

    static Neighbours of(ItemCoOccurrence model, int itemCount, int k) {
        int[][] items = new int[itemCount][];
        float[][] similarities = new float[itemCount][];
        for (int item = 0; item < itemCount; item++) {
            items[item] = model.similarItems(item, k);
            similarities[item] = new float[items[item].length];
            for (int rank = 0; rank < items[item].length; rank++) {
                similarities[item][rank] = model.similarity(item, rank);
            }
        }
        return new Neighbours(items, similarities);
    }

    static Neighbours empty(int itemCount) {
        return new Neighbours(new int[itemCount][0], new float[itemCount][0]);
    }
}
