package io.hearth.ingestion.internal;

import io.hearth.shared.TenantId;
import io.hearth.tenancy.TenantManagement;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The tenants' default currencies, read once: they are set when a tenant is created. */
@Component
class TenantCurrencies {

    private final ConcurrentHashMap<TenantId, String> currencies = new ConcurrentHashMap<>();
    private final TenantManagement tenants;

    TenantCurrencies(TenantManagement tenants) {
        this.tenants = tenants;
    }

    String of(TenantId tenant) {
        return currencies.computeIfAbsent(tenant, tenants::defaultCurrency);
    }
}
