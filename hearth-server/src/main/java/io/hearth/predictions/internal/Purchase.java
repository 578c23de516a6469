package io.hearth.predictions.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One order as the models see it: when it was placed, what it was worth (0 once refunded) and what was
 * in it (product ids and categories of its lines, empty when the placing event had none).
 */
record Purchase(Instant at, double amount, boolean refunded, List<String> products, List<String> categories) {

    Purchase {
        requireNonNull(at, "at is null");
        products = List.copyOf(products);
        categories = List.copyOf(categories);
    }

    Purchase(Instant at, double amount, boolean refunded) {
        this(at, amount, refunded, List.of(), List.of());
    }
}
