package io.hearth.tenancy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/** A place events come from, as listed to the tenant's admins (never with its key). */
public record Source(UUID sourceId, String name, SourceKind kind, int ratePerSecond, Instant createdAt) {

    public Source {
        requireNonNull(sourceId, "sourceId is null");
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
