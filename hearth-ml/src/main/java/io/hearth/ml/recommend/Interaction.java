package io.hearth.ml.recommend;

/**
 * One implicit-feedback event: a user touched an item with some strength at some time.
 *
 * @param userId external user id
 * @param itemId external item id
 * @param weight strength of the signal (a count, a quantity, or 1 for a plain event); must be
 *     positive and finite
 * @param epochSecond when it happened, in seconds since the epoch (0 when unknown)
 */
public record Interaction(int userId, int itemId, float weight, long epochSecond) {

    public Interaction {
        if (!(weight > 0) || Float.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be positive and finite: " + weight);
        }
    }

    /** An interaction of weight 1 without a timestamp. */
    public static Interaction of(int userId, int itemId) {
        return new Interaction(userId, itemId, 1f, 0L);
    }
}
