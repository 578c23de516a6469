package io.hearth.recommendations.internal;

import java.util.Arrays;

/**
 * Scores summed per item (dense index) for the few hundred candidates of one request, without boxing:
 * open addressing over the item indices. Each item also keeps its largest single contribution and
 * where that came from ({@code origin}: a seed, a candidate), which is how a candidate's reason and
 * strategy are chosen.
 */
final class ItemScores {

    private int[] slots;
    private int[] items;
    private double[] totals;
    private double[] largest;
    private int[] origins;
    private int size;

    ItemScores(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        slots = new int[capacity];
        items = new int[capacity / 2];
        totals = new double[capacity / 2];
        largest = new double[capacity / 2];
        origins = new int[capacity / 2];
    }

    /** Adds a contribution to the item's total; the largest one so far also sets the item's origin. */
    void add(int item, double contribution, int origin) {
        int position = positionOf(item);
        totals[position] += contribution;
        if (contribution > largest[position]) {
            largest[position] = contribution;
            origins[position] = origin;
        }
    }

    int size() {
        return size;
    }

    int item(int position) {
        return items[position];
    }

    double total(int position) {
        return totals[position];
    }

    int origin(int position) {
        return origins[position];
    }

    /** Positions of the {@code k} highest totals, best first; ties go to the lower item index. */
    int[] best(int k) {
        int limit = Math.min(k, size);
        int[] heap = new int[limit];
        int held = 0;
        for (int position = 0; position < size; position++) {
            if (held < limit) {
                heap[held] = position;
                siftUp(heap, held++);
            } else if (limit > 0 && worse(heap[0], position)) {
                heap[0] = position;
                siftDown(heap, 0, held);
            }
        }
        int[] ranked = new int[held];
        for (int remaining = held; remaining > 0; remaining--) {
            ranked[remaining - 1] = heap[0];
            heap[0] = heap[remaining - 1];
            siftDown(heap, 0, remaining - 1);
        }
        return ranked;
    }

    private int positionOf(int item) {
        int mask = slots.length - 1;
        int slot = mix(item) & mask;
        while (slots[slot] != 0) {
            int position = slots[slot] - 1;
            if (items[position] == item) {
                return position;
            }
            slot = (slot + 1) & mask;
        }
        if (size == items.length) {
            grow();
            return positionOf(item);
        }
        items[size] = item;
        totals[size] = 0;
        largest[size] = Double.NEGATIVE_INFINITY;
        slots[slot] = ++size;
        return size - 1;
    }

    private void grow() {
        int capacity = slots.length * 2;
        slots = new int[capacity];
        items = Arrays.copyOf(items, capacity / 2);
        totals = Arrays.copyOf(totals, capacity / 2);
        largest = Arrays.copyOf(largest, capacity / 2);
        origins = Arrays.copyOf(origins, capacity / 2);
        int mask = capacity - 1;
        for (int position = 0; position < size; position++) {
            int slot = mix(items[position]) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = position + 1;
        }
    }

    private static int mix(int item) {
        int h = item * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** Whether the item at position {@code a} ranks below the one at {@code b}. */
    private boolean worse(int a, int b) {
        return totals[a] < totals[b] || (totals[a] == totals[b] && items[a] > items[b]);
    }

    private void siftUp(int[] heap, int position) {
        int child = position;
        while (child > 0) {
            int parent = (child - 1) >>> 1;
            if (!worse(heap[child], heap[parent])) {
                return;
            }
            swap(heap, parent, child);
            child = parent;
        }
    }

    private void siftDown(int[] heap, int position, int length) {
        int parent = position;
        while (true) {
            int worst = parent;
            int left = 2 * parent + 1;
            int right = left + 1;
            if (left < length && worse(heap[left], heap[worst])) {
                worst = left;
            }
            if (right < length && worse(heap[right], heap[worst])) {
                worst = right;
            }
            if (worst == parent) {
                return;
            }
            swap(heap, parent, worst);
            parent = worst;
        }
    }

    private static void swap(int[] heap, int a, int b) {
        int held = heap[a];
        heap[a] = heap[b];
        heap[b] = held;
    }
}
