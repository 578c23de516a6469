package io.hearth.journeys;

import static java.util.Objects.requireNonNull;

/**
 * The global control group measured against everything the journeys do: every customer who entered
 * a marketing (not transactional) journey, in the global holdout or not. Here a group's {@code runs}
 * count customers, not runs: a customer in three journeys counts once, converted when any of their
 * runs converted, with the revenue of the distinct orders that converted them.
 *
 * @param percent the share of customers held out ({@code hearth.journeys.global-holdout-percent})
 * @param conversion treated customers against held-out customers, with the 95 % Newcombe interval
 */
public record GlobalHoldout(int percent, ConversionComparison conversion) {

    public GlobalHoldout {
        requireNonNull(conversion, "conversion is null");
    }
}
