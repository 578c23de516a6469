package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * Compressed sparse rows with a weight and a timestamp per cell; the construction kernel behind
 * {@link InteractionMatrix}.
 */
record SparseRows(int[] start, int[] columns, float[] values, long[] times) {

    SparseRows {
        requireNonNull(start, "start is null");
        requireNonNull(columns, "columns is null");
        requireNonNull(values, "values is null");
        requireNonNull(times, "times is null");
    }

    static SparseRows build(List<Interaction> interactions, IdIndex rowIndex, IdIndex columnIndex) {
        int n = interactions.size();
        int[] rows = new int[n];
        int[] cols = new int[n];
        int kept = 0;
        int[] source = new int[n];
        for (int i = 0; i < n; i++) {
            Interaction interaction = interactions.get(i);
            int row = rowIndex.indexOf(interaction.userId());
            int col = columnIndex.indexOf(interaction.itemId());
            if (row >= 0 && col >= 0) {
                rows[kept] = row;
                cols[kept] = col;
                source[kept++] = i;
            }
        }
        // Two stable counting sorts (column, then row) give row-major order with sorted columns.
        int[] byColumn = countingOrder(cols, identity(kept), columnIndex.size());
        int[] order = countingOrder(rows, byColumn, rowIndex.size());
        return mergeDuplicates(interactions, rows, cols, source, order, rowIndex.size());
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Stably reorders {@code order} by {@code keys[order[i]]}. */
    private static int[] countingOrder(int[] keys, int[] order, int keyCount) {
        int[] offsets = new int[keyCount + 1];
        for (int position : order) {
            offsets[keys[position] + 1]++;
        }
        for (int k = 0; k < keyCount; k++) {
            offsets[k + 1] += offsets[k];
        }
        int[] sorted = new int[order.length];
        for (int position : order) {
            sorted[offsets[keys[position]]++] = position;
        }
        return sorted;
    }

    private static SparseRows mergeDuplicates(
            List<Interaction> interactions, int[] rows, int[] cols, int[] source, int[] order, int rowCount) {
        int[] start = new int[rowCount + 1];
        int[] columns = new int[order.length];
        float[] values = new float[order.length];
        long[] times = new long[order.length];
        int size = 0;
        for (int i = 0; i < order.length; i++) {
            int position = order[i];
            Interaction interaction = interactions.get(source[position]);
            boolean repeat =
                    size > 0 && i > 0 && rows[order[i - 1]] == rows[position] && columns[size - 1] == cols[position];
            if (repeat) {
                values[size - 1] += interaction.weight();
                times[size - 1] = Math.max(times[size - 1], interaction.epochSecond());
            } else {
                columns[size] = cols[position];
                values[size] = interaction.weight();
                times[size] = interaction.epochSecond();
                start[rows[position] + 1]++;
                size++;
            }
        }
        prefixSum(start);
        return new SparseRows(
                start, Arrays.copyOf(columns, size), Arrays.copyOf(values, size), Arrays.copyOf(times, size));
    }

    /** Turns per-row counts stored at {@code offsets[row + 1]} into row start offsets. */
    private static void prefixSum(int[] offsets) {
        for (int r = 0; r + 1 < offsets.length; r++) {
            offsets[r + 1] += offsets[r];
        }
    }

    /** The same cells stored by column; columns within each new row ascend. */
    SparseRows transpose(int columnCount) {
        int rowCount = start.length - 1;
        int[] newStart = new int[columnCount + 1];
        for (int column : columns) {
            newStart[column + 1]++;
        }
        prefixSum(newStart);
        int[] next = Arrays.copyOf(newStart, columnCount);
        int[] newColumns = new int[columns.length];
        float[] newValues = new float[columns.length];
        long[] newTimes = new long[columns.length];
        for (int r = 0; r < rowCount; r++) {
            for (int p = start[r]; p < start[r + 1]; p++) {
                int q = next[columns[p]]++;
                newColumns[q] = r;
                newValues[q] = values[p];
                newTimes[q] = times[p];
            }
        }
        return new SparseRows(newStart, newColumns, newValues, newTimes);
    }
}
