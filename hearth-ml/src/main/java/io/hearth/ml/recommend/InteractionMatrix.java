package io.hearth.ml.recommend;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A sparse user-item matrix of implicit feedback, stored twice in compressed-row form: once by
 * user (rows sorted by item) and once by item (columns sorted by user).
 *
 * <p>Repeated (user, item) pairs are merged: weights add up and the latest timestamp is kept. The
 * raw arrays are package-private so that the solvers can loop over them without copying.
 */
public final class InteractionMatrix {

    private final IdIndex users;
    private final IdIndex items;
    final int[] userStart;
    final int[] userItems;
    final float[] userValues;
    final long[] userTimes;
    final int[] itemStart;
    final int[] itemUsers;
    final float[] itemValues;
    final long[] itemTimes;

    private InteractionMatrix(IdIndex users, IdIndex items, SparseRows byUser) {
        this.users = users;
        this.items = items;
        this.userStart = byUser.start();
        this.userItems = byUser.columns();
        this.userValues = byUser.values();
        this.userTimes = byUser.times();
        SparseRows byItem = byUser.transpose(items.size());
        this.itemStart = byItem.start();
        this.itemUsers = byItem.columns();
        this.itemValues = byItem.values();
        this.itemTimes = byItem.times();
    }

    /** Builds the matrix, indexing every user and item that occurs in {@code interactions}. */
    public static InteractionMatrix of(List<Interaction> interactions) {
        requireNonNull(interactions, "interactions is null");
        int[] userIds = interactions.stream().mapToInt(Interaction::userId).toArray();
        int[] itemIds = interactions.stream().mapToInt(Interaction::itemId).toArray();
        return of(interactions, IdIndex.of(userIds), IdIndex.of(itemIds));
    }

    /** Builds the matrix over fixed indices, dropping interactions whose user or item is unknown. */
    public static InteractionMatrix of(List<Interaction> interactions, IdIndex users, IdIndex items) {
        requireNonNull(interactions, "interactions is null");
        requireNonNull(users, "users is null");
        requireNonNull(items, "items is null");
        SparseRows rows = SparseRows.build(interactions, users, items);
        return new InteractionMatrix(users, items, rows);
    }

    /** A copy whose weights are {@code transform(weight)}; the sparsity pattern is unchanged. */
    public InteractionMatrix mapValues(DoubleUnaryOperator transform) {
        requireNonNull(transform, "transform is null");
        float[] mapped = new float[userValues.length];
        for (int p = 0; p < mapped.length; p++) {
            mapped[p] = (float) transform.applyAsDouble(userValues[p]);
        }
        return withUserValues(mapped);
    }

    /** A copy with new weights given in by-user storage order. */
    InteractionMatrix withUserValues(float[] values) {
        SparseRows rows = new SparseRows(userStart, userItems, values, userTimes);
        return new InteractionMatrix(users, items, rows);
    }

    public IdIndex users() {
        return users;
    }

    public IdIndex items() {
        return items;
    }

    public int userCount() {
        return users.size();
    }

    public int itemCount() {
        return items.size();
    }

    /** Number of stored (user, item) cells. */
    public int size() {
        return userItems.length;
    }

    /** Items of {@code user}, ascending. */
    public int[] itemsOf(int user) {
        return Arrays.copyOfRange(userItems, userStart[user], userStart[user + 1]);
    }

    /** Number of distinct users who interacted with {@code item}. */
    public int userCountOf(int item) {
        return itemStart[item + 1] - itemStart[item];
    }

    /** Number of distinct items {@code user} interacted with. */
    public int itemCountOf(int user) {
        return userStart[user + 1] - userStart[user];
    }
}
