package io.hearth.ml.recommend;

import java.util.Arrays;
import java.util.List;

/** Builds the session-by-item rows of {@link SessionKnn}: distinct dense items per session, ascending. */
final class SessionRows {

    private SessionRows() {}

    static SparseRows of(List<int[]> sessions, IdIndex items) {
        int[] start = new int[sessions.size() + 1];
        int[][] rows = new int[sessions.size()][];
        for (int s = 0; s < rows.length; s++) {
            rows[s] = Arrays.stream(sessions.get(s))
                    .map(items::indexOf)
                    .sorted()
                    .distinct()
                    .toArray();
            start[s + 1] = start[s] + rows[s].length;
        }
        int[] columns = new int[start[rows.length]];
        for (int s = 0; s < rows.length; s++) {
            System.arraycopy(rows[s], 0, columns, start[s], rows[s].length);
        }
        return new SparseRows(start, columns, new float[columns.length], new long[columns.length]);
    }
}
