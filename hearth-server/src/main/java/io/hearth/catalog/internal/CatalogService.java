package io.hearth.catalog.internal;

import io.hearth.catalog.CatalogProblem;
import io.hearth.catalog.Product;
import io.hearth.catalog.ProductChanged;
import io.hearth.catalog.ProductUpdate;
import io.hearth.catalog.UpsertReport;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Enters the tenant, then the transaction; publishes {@link ProductChanged} for each real change. */
@Service
public class CatalogService {

    public static final int MAX_BATCH = 1_000;
    private static final int LEARNED_CAPACITY = 100_000;
    private static final Duration LEARNED_TIME_TO_LIVE = Duration.ofMinutes(5);

    private final ProductStore store;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final LearnedProducts learned;

    CatalogService(
            ProductStore store, TransactionTemplate transactions, ApplicationEventPublisher publisher, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.publisher = publisher;
        this.clock = clock;
        this.learned = new LearnedProducts(LEARNED_CAPACITY, LEARNED_TIME_TO_LIVE, clock);
    }

    /**
     * Stores what a batch of events says about its products, skipping each update this node stored
     * already (the same fields, recently): most mentions of a product repeat the last one.
     */
    void learn(TenantId tenant, List<ProductUpdate> updates) {
        List<ProductUpdate> fresh = updates.stream()
                .filter(update -> !learned.alreadyStored(tenant, update))
                .toList();
        for (int from = 0; from < fresh.size(); from += MAX_BATCH) {
            List<ProductUpdate> chunk = fresh.subList(from, Math.min(fresh.size(), from + MAX_BATCH));
            upsert(tenant, chunk);
            chunk.stream()
                    .filter(update -> ProductRules.check(update).isEmpty())
                    .forEach(update -> learned.remember(tenant, update));
        }
    }

    /** Stores the valid updates and reports the others by index; nothing is refused silently. */
    public UpsertReport upsert(TenantId tenant, List<ProductUpdate> updates) {
        if (updates.size() > MAX_BATCH) {
            throw new HearthProblem(
                    CatalogProblem.INVALID_PRODUCT,
                    "At most " + MAX_BATCH + " products per call",
                    List.of(new FieldError("/products", "at most " + MAX_BATCH + " products")));
        }
        List<FieldError> rejected = new ArrayList<>();
        List<ProductUpdate> valid = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            List<FieldError> errors = ProductRules.check(updates.get(i));
            if (errors.isEmpty()) {
                valid.add(updates.get(i));
            }
            for (FieldError error : errors) {
                rejected.add(error.under("/products/" + i));
            }
        }
        int changed = store(tenant, valid);
        return new UpsertReport(changed, valid.size() - changed, rejected);
    }

    /** Stores one product or refuses it whole, naming each field at fault. */
    public Product put(TenantId tenant, ProductUpdate update) {
        List<FieldError> errors = ProductRules.check(update);
        if (!errors.isEmpty()) {
            throw new HearthProblem(CatalogProblem.INVALID_PRODUCT, "The product is not valid", errors);
        }
        store(tenant, List.of(update));
        return product(tenant, update.productId()).orElseThrow();
    }

    public Optional<Product> product(TenantId tenant, String productId) {
        return inTenant(tenant, () -> store.find(tenant, productId));
    }

    public List<Product> products(TenantId tenant, Collection<String> productIds) {
        return inTenant(tenant, () -> store.find(tenant, productIds));
    }

    public List<Product> page(TenantId tenant, int limit, @Nullable String after) {
        return inTenant(tenant, () -> store.page(tenant, limit, after));
    }

    public long count(TenantId tenant) {
        return inTenant(tenant, () -> store.count(tenant));
    }

    private int store(TenantId tenant, List<ProductUpdate> updates) {
        if (updates.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        updates.forEach(update -> learned.forget(tenant, update.productId()));
        return inTenant(
                tenant,
                () -> transactions.execute(status -> {
                    int changed = 0;
                    // One lock order for every writer: concurrent batches naming the same products in
                    // different orders would otherwise deadlock.
                    List<ProductUpdate> ordered = updates.stream()
                            .sorted(java.util.Comparator.comparing(ProductUpdate::productId))
                            .toList();
                    for (ProductUpdate update : ordered) {
                        Optional<Product> stored = store.upsert(tenant, update, now);
                        if (stored.isPresent()) {
                            publisher.publishEvent(new ProductChanged(tenant, stored.get()));
                            changed++;
                        }
                    }
                    return changed;
                }));
    }

    private static <T> T inTenant(TenantId tenant, Supplier<T> work) {
        return TenantContext.call(tenant, work::get);
    }
}
