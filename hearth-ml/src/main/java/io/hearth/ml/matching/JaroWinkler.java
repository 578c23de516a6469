package io.hearth.ml.matching;

/**
 * Jaro-Winkler similarity (Winkler 1990) between 0 (nothing in common) and 1 (equal). Characters
 * match when equal and no further apart than half the longer string less one; the Jaro similarity
 * averages the share of matched characters in each string and the share of matches in order; the
 * Winkler step then rewards a common prefix of up to four characters by 0.1 each, only when the Jaro
 * similarity already exceeds 0.7 (Winkler's boost threshold), so unrelated strings with a shared first
 * letter stay unrelated.
 *
 * <p>Comparison is by UTF-16 char and case-sensitive: callers normalize first.
 */
public final class JaroWinkler {

    private static final double PREFIX_SCALE = 0.1;
    private static final int MAX_PREFIX = 4;
    private static final double BOOST_THRESHOLD = 0.7;

    private JaroWinkler() {}

    /** The Jaro-Winkler similarity; two empty strings are equal (1), one empty string shares nothing (0). */
    public static double similarity(String first, String second) {
        double jaro = jaro(first, second);
        if (jaro <= BOOST_THRESHOLD) {
            return jaro;
        }
        int prefix = 0;
        int limit = Math.min(MAX_PREFIX, Math.min(first.length(), second.length()));
        while (prefix < limit && first.charAt(prefix) == second.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * PREFIX_SCALE * (1 - jaro);
    }

    /** The Jaro similarity, without the prefix boost. */
    public static double jaro(String first, String second) {
        if (first.isEmpty() && second.isEmpty()) {
            return 1;
        }
        if (first.isEmpty() || second.isEmpty()) {
            return 0;
        }
        int window = Math.max(0, Math.max(first.length(), second.length()) / 2 - 1);
        boolean[] firstMatched = new boolean[first.length()];
        boolean[] secondMatched = new boolean[second.length()];
        int matches = 0;
        for (int i = 0; i < first.length(); i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(second.length() - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!secondMatched[j] && first.charAt(i) == second.charAt(j)) {
                    firstMatched[i] = true;
                    secondMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int outOfOrder = 0;
        int j = 0;
        for (int i = 0; i < first.length(); i++) {
            if (!firstMatched[i]) {
                continue;
            }
            while (!secondMatched[j]) {
                j++;
            }
            if (first.charAt(i) != second.charAt(j)) {
                outOfOrder++;
            }
            j++;
        }
        double m = matches;
        double transpositions = outOfOrder / 2.0;
        return (m / first.length() + m / second.length() + (m - transpositions) / m) / 3;
    }
}
