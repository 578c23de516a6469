package io.hearth.ml.clv;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One purchase by one customer.
 *
 * @param customerId opaque customer identifier
 * @param date day of the purchase
 * @param amount money spent, used only by the spend model
 */
public record Transaction(String customerId, LocalDate date, double amount) {

    /** Validates the fields. */
    public Transaction {
        requireNonNull(customerId, "customerId is null");
        requireNonNull(date, "date is null");
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException("amount must be finite, got " + amount);
        }
    }
}
