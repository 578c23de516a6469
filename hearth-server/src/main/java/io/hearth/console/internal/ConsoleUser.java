package io.hearth.console.internal;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.TenantId;
import java.util.UUID;

/** Who is signed in to the console: the tenant and the API key they signed in with. */
record ConsoleUser(TenantId tenantId, UUID keyId) {

    ConsoleUser {
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(keyId, "keyId is null");
    }
}
