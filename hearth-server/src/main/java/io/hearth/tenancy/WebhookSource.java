package io.hearth.tenancy;

import static java.util.Objects.requireNonNull;

import io.hearth.shared.TenantId;
import java.util.UUID;

/** A commerce platform's webhook endpoint: the secret its signatures are verified with. */
public record WebhookSource(TenantId tenantId, UUID sourceId, SourceKind kind, String secret, int ratePerSecond) {

    public WebhookSource {
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(sourceId, "sourceId is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(secret, "secret is null");
    }

    @Override
    public String toString() {
        return "WebhookSource[" + tenantId + ", " + sourceId + ", " + kind + "]";
    }
}
