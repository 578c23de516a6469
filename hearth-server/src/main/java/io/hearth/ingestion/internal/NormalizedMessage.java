package io.hearth.ingestion.internal;

import io.hearth.shared.FieldError;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The outcome of normalizing one message: the event to store, or why it cannot be stored. */
record NormalizedMessage(@Nullable PendingEvent event, String reason, List<FieldError> errors) {

    static NormalizedMessage accepted(PendingEvent event) {
        return new NormalizedMessage(event, "", List.of());
    }

    static NormalizedMessage rejected(Violations violations) {
        return new NormalizedMessage(null, violations.reason(), violations.errors());
    }

    Optional<PendingEvent> accepted() {
        return Optional.ofNullable(event);
    }
}
