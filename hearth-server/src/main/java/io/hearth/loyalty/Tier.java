package io.hearth.loyalty;

import static java.util.Objects.requireNonNull;

/** A tier of the program: a member qualifies with at least {@code threshold} points earned in the window. */
public record Tier(String name, long threshold) {

    public Tier {
        requireNonNull(name, "name is null");
    }
}
