package io.hearth.tenancy.internal;

import io.hearth.shared.Scope;
import io.hearth.shared.TenantId;
import io.hearth.tenancy.IssuedKey;
import io.hearth.tenancy.SourceKind;
import io.hearth.tenancy.TenantManagement;
import java.io.PrintStream;
import java.util.EnumSet;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the demo tenant on first start and prints its keys on every start. */
@Component
@Order(0)
class DemoTenant implements ApplicationRunner {

    static final TenantId DEMO = TenantId.of("00000000-0000-4000-8000-00000000d3e0");
    private static final String SOURCE_NAME = "demo-website";
    private static final String ADMIN_KEY_NAME = "demo-admin";

    private final TenantManagement tenants;
    private final DemoSettings settings;

    DemoTenant(TenantManagement tenants, DemoSettings settings) {
        this.tenants = tenants;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.enabled()) {
            return;
        }
        if (!tenants.tenantExists(DEMO)) {
            tenants.createTenant(DEMO, "Demo shop", "EUR");
        }
        String writeKey = settings.writeKey() != null ? settings.writeKey() : KeyHasher.newSecret("hw_");
        UUID source = tenants.sourceNamed(DEMO, SOURCE_NAME)
                .orElseGet(() -> tenants.createSource(DEMO, SOURCE_NAME, SourceKind.SEGMENT, writeKey, null)
                        .id());
        tenants.replaceWriteKey(DEMO, source, writeKey);
        tenants.revokeApiKeysNamed(DEMO, ADMIN_KEY_NAME);
        IssuedKey admin = tenants.createApiKey(DEMO, ADMIN_KEY_NAME, EnumSet.allOf(Scope.class), settings.adminKey());
        print(System.out, writeKey, admin.secret());
    }

    @SuppressWarnings("java:S106") // the keys are meant for the operator's terminal, not the log
    private static void print(PrintStream out, String writeKey, String adminKey) {
        out.println();
        out.println("  Hearth demo tenant " + DEMO);
        out.println("    write key (Segment-style, HTTP Basic user name): " + writeKey);
        out.println("    admin key (Bearer token, scopes ingest/read/admin): " + adminKey);
        out.println();
    }
}
