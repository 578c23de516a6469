package io.hearth.predictions.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One order as the models see it: when it was placed and what it was worth (0 once refunded). */
record Purchase(Instant at, double amount, boolean refunded) {

    Purchase {
        requireNonNull(at, "at is null");
    }
}
