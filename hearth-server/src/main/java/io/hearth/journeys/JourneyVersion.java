package io.hearth.journeys;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A published, immutable version of a journey; runs stay on the version they started on. */
public record JourneyVersion(JourneyDefinition definition, int version, String source, Instant publishedAt) {

    public JourneyVersion {
        requireNonNull(definition, "definition is null");
        requireNonNull(source, "source is null");
        requireNonNull(publishedAt, "publishedAt is null");
    }
}
