package io.hearth.catalog;

import io.hearth.catalog.internal.CatalogService;
import io.hearth.shared.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The catalog facade. Writes are idempotent: sending a product as it is stored changes nothing and
 * publishes nothing; a real change publishes {@link ProductChanged} after commit. Every method enters
 * the given tenant itself.
 */
@Service
public class CatalogManagement {

    /** Products per {@link #upsert} call. */
    public static final int MAX_BATCH = CatalogService.MAX_BATCH;

    private final CatalogService catalog;

    CatalogManagement(CatalogService catalog) {
        this.catalog = catalog;
    }

    /**
     * Creates or updates many products in one transaction; invalid entries are reported by index and
     * the others kept.
     *
     * @throws io.hearth.shared.HearthProblem {@link CatalogProblem#INVALID_PRODUCT} for more than {@link
     *     #MAX_BATCH} products
     */
    public UpsertReport upsert(TenantId tenant, List<ProductUpdate> updates) {
        return catalog.upsert(tenant, List.copyOf(updates));
    }

    /**
     * Creates or updates one product and answers it as stored.
     *
     * @throws io.hearth.shared.HearthProblem {@link CatalogProblem#INVALID_PRODUCT} naming each field
     */
    public Product put(TenantId tenant, ProductUpdate update) {
        return catalog.put(tenant, update);
    }

    public Optional<Product> product(TenantId tenant, String productId) {
        return catalog.product(tenant, productId);
    }

    /** The known products among these ids, in no particular order. */
    public List<Product> products(TenantId tenant, Collection<String> productIds) {
        return catalog.products(tenant, productIds);
    }

    /** Up to {@code limit} products in id order after {@code after} ({@code null}: from the start). */
    public List<Product> page(TenantId tenant, int limit, @Nullable String after) {
        return catalog.page(tenant, limit, after);
    }

    public long count(TenantId tenant) {
        return catalog.count(tenant);
    }
}
