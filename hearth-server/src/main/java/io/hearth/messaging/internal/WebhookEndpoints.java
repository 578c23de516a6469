package io.hearth.messaging.internal;

import io.hearth.shared.TenantId;
import java.net.URI;
import java.util.Optional;

/** Where a tenant's webhook-channel messages go, and the secret they are signed with. */
@FunctionalInterface
interface WebhookEndpoints {

    Optional<Endpoint> of(TenantId tenant);

    record Endpoint(URI url, String secret) {}
}
