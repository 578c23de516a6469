package io.hearth.recommendations.internal;

import io.hearth.catalog.CatalogManagement;
import io.hearth.catalog.Product;
import io.hearth.catalog.ProductChanged;
import io.hearth.shared.TenantId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What serving needs to know about products (name, category, stock, replenishment), in memory per
 * tenant: read from the catalog on a tenant's first request and kept current by {@link ProductChanged}
 * (through {@link CatalogViewListener}, so that this class, read thousands of times per request, is
 * not proxied), so a product going out of stock leaves the very next slate.
 */
@Component
class CatalogView {

    /** A product the catalog does not know (yet) counts as in stock and not replenishable. */
    static final Facts UNKNOWN = new Facts(null, null, true, false);

    private static final int PAGE = 1_000;

    private final Map<TenantId, CompletableFuture<Map<String, Facts>>> tenants = new ConcurrentHashMap<>();
    private final CatalogManagement catalog;

    CatalogView(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    Facts facts(TenantId tenant, String productId) {
        return products(tenant).getOrDefault(productId, UNKNOWN);
    }

    /**
     * The tenant's products as they are now and as they change (the live map, not a copy): a request
     * that looks up hundreds of products takes it once instead of finding the tenant each time.
     */
    Map<String, Facts> of(TenantId tenant) {
        return Collections.unmodifiableMap(products(tenant));
    }

    boolean known(TenantId tenant, String productId) {
        return products(tenant).containsKey(productId);
    }

    /** Product ids in stock, for the last-resort fill of a slate. */
    List<String> inStock(TenantId tenant) {
        List<String> ids = new ArrayList<>();
        products(tenant).forEach((id, facts) -> {
            if (facts.inStock()) {
                ids.add(id);
            }
        });
        Collections.sort(ids);
        return ids;
    }

    /** Takes the product as it now is, for a tenant already in memory (the others load it fresh). */
    void changed(ProductChanged changed) {
        CompletableFuture<Map<String, Facts>> products = tenants.get(changed.tenantId());
        if (products != null) {
            products.thenAccept(loaded -> loaded.put(changed.product().productId(), Facts.of(changed.product())));
        }
    }

    /**
     * One load per tenant however many requests arrive first: they wait on the same future (a virtual
     * thread waiting holds no database connection), and a failed load is forgotten so the next request
     * tries again.
     */
    private Map<String, Facts> products(TenantId tenant) {
        CompletableFuture<Map<String, Facts>> loaded = tenants.get(tenant);
        if (loaded == null) {
            CompletableFuture<Map<String, Facts>> mine = new CompletableFuture<>();
            loaded = tenants.putIfAbsent(tenant, mine);
            if (loaded == null) {
                loaded = mine;
                try {
                    mine.complete(load(tenant));
                } catch (RuntimeException e) {
                    tenants.remove(tenant, mine);
                    mine.completeExceptionally(e);
                }
            }
        }
        return loaded.join();
    }

    private Map<String, Facts> load(TenantId tenant) {
        Map<String, Facts> products = new ConcurrentHashMap<>();
        String after = null;
        List<Product> page;
        do {
            page = catalog.page(tenant, PAGE, after);
            for (Product product : page) {
                products.put(product.productId(), Facts.of(product));
                after = product.productId();
            }
        } while (page.size() == PAGE);
        return products;
    }

    record Facts(@Nullable String name, @Nullable String category, boolean inStock, boolean replenishable) {

        static Facts of(Product product) {
            return new Facts(product.name(), product.category(), product.inStock(), product.replenishable());
        }
    }
}
