package io.hearth.testing;

import io.hearth.shared.Scope;
import io.hearth.shared.TenantId;
import io.hearth.tenancy.IssuedKey;
import io.hearth.tenancy.SourceKind;
import io.hearth.tenancy.TenantManagement;
import java.util.EnumSet;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/** Creates a fresh tenant with a Segment source and an all-scopes admin key for one test. */
@TestComponent
public class TestTenants {

    private final TenantManagement tenants;

    TestTenants(TenantManagement tenants) {
        this.tenants = tenants;
    }

    public TestTenant create() {
        TenantId tenant = tenants.createTenant(null, "test-" + UUID.randomUUID(), "EUR");
        IssuedKey source = tenants.createSource(tenant, "web", SourceKind.SEGMENT, null, null);
        IssuedKey admin = tenants.createApiKey(tenant, "admin", EnumSet.allOf(Scope.class), null);
        return new TestTenant(tenant, source.id(), source.secret(), admin.secret());
    }

    /** A tenant with its source's write key and an admin token. */
    public record TestTenant(TenantId id, UUID sourceId, String writeKey, String adminKey) {}
}
