package io.hearth.journeys.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Where a run goes after a step. */
sealed interface Move {

    /** On to a step by id; null means the next one in the list. */
    record Go(@Nullable String step) implements Move {}

    /** Stay on this step until the instant (or until the event wakes the run earlier). */
    record Sleep(Instant until, @Nullable String event) implements Move {}

    /** The run ends with this status ({@code done} or {@code exited}) and reason. */
    record Finish(String status, String reason) implements Move {}
}
