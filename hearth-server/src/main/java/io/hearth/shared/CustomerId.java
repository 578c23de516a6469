package io.hearth.shared;

import static java.util.Objects.requireNonNull;

/**
 * Identifies one customer of a tenant, as the profiles module resolves it. Other modules keep it as
 * text and never join the profiles tables.
 */
public record CustomerId(String value) {

    public CustomerId {
        requireNonNull(value, "value is null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a customer id is not blank");
        }
    }

    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
