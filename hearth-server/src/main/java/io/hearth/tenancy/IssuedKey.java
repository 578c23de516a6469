package io.hearth.tenancy;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** A key just created: the only moment its secret exists outside the client's hands. */
public record IssuedKey(UUID id, String secret) {

    public IssuedKey {
        requireNonNull(id, "id is null");
        requireNonNull(secret, "secret is null");
    }

    @Override
    public String toString() {
        return "IssuedKey[" + id + "]";
    }
}
