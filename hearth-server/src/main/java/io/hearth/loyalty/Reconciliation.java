package io.hearth.loyalty;

import io.hearth.shared.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every balance recomputed from the entries and compared with the projection.
 *
 * @param unbalancedTransactions transactions whose entries do not sum to zero (there must be none)
 */
public record Reconciliation(
        Instant at, long accounts, long transactions, List<Difference> differences, List<UUID> unbalancedTransactions) {

    public Reconciliation {
        differences = List.copyOf(differences);
        unbalancedTransactions = List.copyOf(unbalancedTransactions);
    }

    public boolean clean() {
        return differences.isEmpty() && unbalancedTransactions.isEmpty();
    }

    /** A member whose projection disagrees with the sum of the entries (or with the lots). */
    public record Difference(
            CustomerId customerId,
            long projectedAvailable,
            long entriesAvailable,
            long projectedPending,
            long entriesPending,
            long lotsAvailable) {}
}
