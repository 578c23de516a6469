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
import java.util.concurrent.atomic.AtomicReferenceArray;
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
    private final Map<TenantId, ItemFacts> aligned = new ConcurrentHashMap<>();
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

    /**
     * The facts of a model's items by their dense index, kept current like the map: a request reads an
     * array slot per candidate (hundreds per slate) instead of hashing its product id into 50,000
     * entries. Built once per tenant and model version.
     */
    ItemFacts byItem(TenantId tenant, ServingModel model) {
        ItemFacts current = aligned.get(tenant);
        if (current != null && current.items == model.items()) {
            return current;
        }
        Map<String, Facts> products = products(tenant);
        synchronized (aligned) {
            current = aligned.get(tenant);
            if (current == null || current.items != model.items()) {
                current = new ItemFacts(model, products);
                aligned.put(tenant, current);
            }
            return current;
        }
    }

    /** How many of the tenant's products are in memory: 0 until their first read has finished. */
    int inMemory(TenantId tenant) {
        CompletableFuture<Map<String, Facts>> loaded = tenants.get(tenant);
        return loaded != null && loaded.isDone() && !loaded.isCompletedExceptionally()
                ? loaded.join().size()
                : 0;
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
            products.thenAccept(loaded -> {
                String productId = changed.product().productId();
                Facts facts = Facts.of(changed.product());
                loaded.put(productId, facts);
                // after the map, under the lock an alignment is built in: it has this change either way
                synchronized (aligned) {
                    ItemFacts byItem = aligned.get(changed.tenantId());
                    if (byItem != null) {
                        byItem.update(productId, facts);
                    }
                }
            });
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

    /** The facts of one model version's items, by dense index; a product the catalog lacks is {@link #UNKNOWN}. */
    static final class ItemFacts {

        private final String[] items;
        private final Map<String, Integer> index;
        private final AtomicReferenceArray<Facts> facts;

        private ItemFacts(ServingModel model, Map<String, Facts> products) {
            this.items = model.items();
            this.index = model.itemIndex();
            this.facts = new AtomicReferenceArray<>(items.length);
            for (int item = 0; item < items.length; item++) {
                facts.set(item, products.getOrDefault(items[item], UNKNOWN));
            }
        }

        Facts of(int item) {
            return facts.get(item);
        }

        private void update(String productId, Facts changed) {
            Integer item = index.get(productId);
            if (item != null) {
                facts.set(item, changed);
            }
        }
    }

    record Facts(@Nullable String name, @Nullable String category, boolean inStock, boolean replenishable) {

        static Facts of(Product product) {
            return new Facts(product.name(), product.category(), product.inStock(), product.replenishable());
        }
    }
}
