package io.hearth.tenancy.internal;

import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.Scope;
import io.hearth.tenancy.ApiKey;
import io.hearth.tenancy.IssuedKey;
import io.hearth.tenancy.Principal;
import io.hearth.tenancy.Source;
import io.hearth.tenancy.SourceKind;
import io.hearth.tenancy.TenancyProblem;
import io.hearth.tenancy.TenantManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sources and API keys of the caller's tenant (admin scope). */
@RestController
@Tag(name = "Tenancy", description = "Sources, write keys and API keys")
class TenancyController {

    private final TenantManagement tenants;

    TenancyController(TenantManagement tenants) {
        this.tenants = tenants;
    }

    @GetMapping(path = "/v1/sources", produces = "application/json")
    @Operation(summary = "List the tenant's sources")
    Map<String, List<Source>> sources(@AuthenticationPrincipal Principal caller) {
        return Map.of("data", tenants.sources(caller.tenantId()));
    }

    @PostMapping(path = "/v1/sources", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a source; a Segment source's write key is shown only in this answer")
    Map<String, Object> createSource(@AuthenticationPrincipal Principal caller, @RequestBody SourceRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.name() == null || request.name().isBlank()) {
            errors.add(new FieldError("/name", "is required"));
        }
        SourceKind kind = parseKind(request.kind(), errors);
        if (kind != null
                && kind.usesWebhooks()
                && (request.webhookSecret() == null || request.webhookSecret().isBlank())) {
            errors.add(new FieldError("/webhookSecret", "is required for " + kind.code() + " sources"));
        }
        if (!errors.isEmpty()) {
            throw new HearthProblem(TenancyProblem.INVALID_REQUEST, "The source is not valid", errors);
        }
        IssuedKey issued = tenants.createSource(caller.tenantId(), request.name(), kind, null, request.webhookSecret());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sourceId", issued.id());
        answer.put("kind", kind.code());
        if (!kind.usesWebhooks()) {
            answer.put("writeKey", issued.secret());
        } else {
            answer.put("webhookUrl", "/v1/webhooks/" + kind.code() + "/" + issued.id());
        }
        return answer;
    }

    @GetMapping(path = "/v1/api-keys", produces = "application/json")
    @Operation(summary = "List the tenant's API keys")
    Map<String, List<ApiKey>> apiKeys(@AuthenticationPrincipal Principal caller) {
        return Map.of("data", tenants.apiKeys(caller.tenantId()));
    }

    @PostMapping(path = "/v1/api-keys", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an API key with scopes ingest, read and/or admin; the token is shown once")
    Map<String, Object> createApiKey(@AuthenticationPrincipal Principal caller, @RequestBody ApiKeyRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.name() == null || request.name().isBlank()) {
            errors.add(new FieldError("/name", "is required"));
        }
        Set<Scope> scopes = parseScopes(request.scopes(), errors);
        if (!errors.isEmpty()) {
            throw new HearthProblem(TenancyProblem.INVALID_REQUEST, "The API key is not valid", errors);
        }
        IssuedKey issued = tenants.createApiKey(caller.tenantId(), request.name(), scopes, null);
        return Map.of("keyId", issued.id(), "token", issued.secret(), "scopes", scopes);
    }

    @DeleteMapping("/v1/api-keys/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an API key")
    void revoke(@AuthenticationPrincipal Principal caller, @PathVariable UUID keyId) {
        tenants.revokeApiKey(caller.tenantId(), keyId);
    }

    private static @Nullable SourceKind parseKind(@Nullable String kind, List<FieldError> errors) {
        if (kind == null) {
            return SourceKind.SEGMENT;
        }
        try {
            return SourceKind.fromCode(kind);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("/kind", "must be one of segment, shopify, woocommerce, import"));
            return null;
        }
    }

    private static Set<Scope> parseScopes(@Nullable List<String> names, List<FieldError> errors) {
        if (names == null || names.isEmpty()) {
            errors.add(new FieldError("/scopes", "needs at least one of ingest, read, admin"));
            return Set.of();
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (int i = 0; i < names.size(); i++) {
            try {
                scopes.add(Scope.valueOf(String.valueOf(names.get(i)).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("/scopes/" + i, "must be one of ingest, read, admin"));
            }
        }
        return scopes;
    }

    record SourceRequest(
            @Nullable String name,
            @Nullable String kind,
            @Nullable String webhookSecret) {}

    record ApiKeyRequest(@Nullable String name, @Nullable List<String> scopes) {}
}
