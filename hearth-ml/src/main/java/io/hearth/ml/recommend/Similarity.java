package io.hearth.ml.recommend;

/**
 * How strongly a co-occurrence count says that two items belong together.
 *
 * <p>Raw counts favour popular items. The log-likelihood ratio and shrunk lift compare the count
 * with what chance would give ({@code nA * nB / N}) and discount evidence that rests on few
 * events; cosine and Jaccard normalise by the items' own popularity.
 */
public enum Similarity {

    /**
     * Dunning's log-likelihood ratio G² of the 2×2 contingency table, kept only for positive
     * association: large when the co-occurrence is both surprising and well supported.
     */
    LOG_LIKELIHOOD {
        @Override
        double score(long both, long first, long second, long total, double shrinkage) {
            if ((double) both * total <= (double) first * second) {
                return 0;
            }
            long onlyFirst = first - both;
            long onlySecond = second - both;
            long neither = total - first - second + both;
            double cells = xLogX(both) + xLogX(onlyFirst) + xLogX(onlySecond) + xLogX(neither);
            double margins = xLogX(first) + xLogX(total - first) + xLogX(second) + xLogX(total - second);
            return 2 * (cells - margins + xLogX(total));
        }
    },

    /** Cosine {@code both / (sqrt(nA * nB) + shrinkage)}: shrinkage damps pairs of rare items. */
    COSINE {
        @Override
        double score(long both, long first, long second, long total, double shrinkage) {
            return both / (Math.sqrt((double) first * second) + shrinkage);
        }
    },

    /** Jaccard {@code both / (nA + nB - both)}: the share of either item's users who have both. */
    JACCARD {
        @Override
        double score(long both, long first, long second, long total, double shrinkage) {
            return (double) both / (first + second - both);
        }
    },

    /** Lift {@code both * N / (nA * nB)} scaled by {@code both / (both + shrinkage)}. */
    SHRUNK_LIFT {
        @Override
        double score(long both, long first, long second, long total, double shrinkage) {
            double lift = (double) both * total / ((double) first * second);
            return lift * both / (both + shrinkage);
        }
    };

    /**
     * Similarity of items A and B.
     *
     * @param both users with both A and B (inside the time window, if any)
     * @param first users with A
     * @param second users with B
     * @param total users
     * @param shrinkage pseudo-count that damps small {@code both}
     */
    abstract double score(long both, long first, long second, long total, double shrinkage);

    private static double xLogX(long x) {
        return x <= 0 ? 0 : x * Math.log(x);
    }
}
