package io.hearth.ingestion.internal;

import io.hearth.shared.HearthProblem;
import io.hearth.shared.Scope;
import io.hearth.tenancy.Principal;
import io.hearth.tenancy.TenancyProblem;
import io.hearth.tenancy.TenantManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Who sends a tracking call. Most clients authenticate in the Authorization header, which the
 * security filter has already checked; Segment's server libraries put the write key in the body
 * ({@code "writeKey"}) instead, so that is accepted too, with the same rate limit.
 */
@Component
class IngestionCallers {

    private final TenantManagement tenants;

    IngestionCallers(TenantManagement tenants) {
        this.tenants = tenants;
    }

    Principal resolve(@Nullable Principal fromHeader, JsonNode body) {
        if (fromHeader != null) {
            if (!fromHeader.scopes().contains(Scope.INGEST)) {
                throw new HearthProblem(TenancyProblem.FORBIDDEN, "This key may not send events");
            }
            return fromHeader;
        }
        JsonNode writeKey = body.get("writeKey");
        if (writeKey == null || !writeKey.isString()) {
            throw new HearthProblem(TenancyProblem.UNAUTHENTICATED, "Send a write key or an API key");
        }
        Principal source = tenants.authenticateWriteKey(writeKey.stringValue())
                .orElseThrow(() -> new HearthProblem(TenancyProblem.UNAUTHENTICATED, "The key is not valid"));
        tenants.admit(source.keyId(), source.ratePerSecond());
        return source;
    }
}
