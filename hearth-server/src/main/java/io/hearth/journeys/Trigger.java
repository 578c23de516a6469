package io.hearth.journeys;

import io.hearth.profiles.OrderStatus;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What starts a run of a journey for a customer. */
public sealed interface Trigger {

    /** A tracked event by name, optionally filtered by a CEL expression over {@code event.properties}. */
    record OnEvent(String event, @Nullable String filter) implements Trigger {}

    /** An order reached a lifecycle status (placed, paid, fulfilled, delivered, …). */
    record OnOrder(OrderStatus status) implements Trigger {}

    /** The customer entered a segment. */
    record OnSegmentEntry(UUID segment) implements Trigger {}

    /**
     * A prediction crossed a threshold (churn risk, health drop, replenishment due): each upward
     * {@code PredictionChanged} reaches {@link JourneyManagement#predictionCrossed}.
     */
    record OnPrediction(String prediction, double threshold) implements Trigger {}

    /**
     * A recurring send to an audience: at each time of the cron expression (standard five fields,
     * minute hour day-of-month month day-of-week, in {@code zone}) every member of the segment enters.
     */
    record OnSchedule(String cron, UUID segment, ZoneId zone) implements Trigger {}
}
