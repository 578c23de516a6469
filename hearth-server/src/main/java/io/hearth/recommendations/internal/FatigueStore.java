package io.hearth.recommendations.internal;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How often each product was shown to each customer since they last engaged with it (clicked or
 * bought it through a recommendation). At the limit it is left out of their slates until they engage.
 * The counts of recently served customers are kept in memory and counted up the moment a slate is
 * served, so the next slate is current although the rows are written later, in batches, by
 * {@link ServedLog}; a customer's counts are read from the table on their first slate.
 */
@Repository
class FatigueStore {

    private final BoundedCache<Key, Map<String, Integer>> counts;
    private final JdbcClient jdbc;

    FatigueStore(JdbcClient jdbc, RecommendationsSettings settings) {
        this.jdbc = jdbc;
        this.counts = new BoundedCache<>(settings.rememberedShoppers());
    }

    Set<String> fatigued(TenantId tenant, CustomerId customer, int limit) {
        Map<String, Integer> shown = counts.get(new Key(tenant, customer.value()));
        if (shown == null) {
            shown = counts.putIfAbsent(new Key(tenant, customer.value()), read(tenant, customer));
        }
        Set<String> fatigued = new HashSet<>();
        synchronized (shown) {
            shown.forEach((product, times) -> {
                if (times >= limit) {
                    fatigued.add(product);
                }
            });
        }
        return fatigued;
    }

    /** Whether the customer's counts are in memory, so that {@link #fatigued} reads nothing. */
    boolean remembers(TenantId tenant, CustomerId customer) {
        return counts.get(new Key(tenant, customer.value())) != null;
    }

    /** Counts one more showing in memory, for a customer whose counts are there. */
    void served(TenantId tenant, CustomerId customer, List<String> productIds) {
        Map<String, Integer> shown = counts.get(new Key(tenant, customer.value()));
        if (shown != null) {
            synchronized (shown) {
                productIds.stream().distinct().forEach(product -> shown.merge(product, 1, Integer::sum));
            }
        }
    }

    /** Adds the showings of a batch of slates to the table, in one statement; runs in the caller's transaction. */
    void store(TenantId tenant, List<Showing> showings, Instant at) {
        Map<Showing, Integer> times = new HashMap<>();
        showings.forEach(showing -> times.merge(showing, 1, Integer::sum));
        if (times.isEmpty()) {
            return;
        }
        List<String> customers = new ArrayList<>();
        List<String> products = new ArrayList<>();
        List<Integer> shown = new ArrayList<>();
        times.forEach((showing, count) -> {
            customers.add(showing.customer());
            products.add(showing.product());
            shown.add(count);
        });
        // one row per customer and statement: the same customer twice would be updated twice by one upsert
        jdbc.sql("""
                insert into recommendations_fatigue (tenant_id, customer_id, shown, last_shown_at)
                select :tenant, customer_id, jsonb_object_agg(product_id, shown), :at
                from unnest(cast(:customers as text[]), cast(:products as text[]), cast(:shown as int[]))
                    as s(customer_id, product_id, shown)
                group by customer_id
                on conflict (tenant_id, customer_id)
                do update set shown = hearth_add_counts(recommendations_fatigue.shown, excluded.shown),
                    last_shown_at = excluded.last_shown_at""")
                .param("tenant", tenant.value())
                .param("customers", customers.toArray(String[]::new))
                .param("products", products.toArray(String[]::new))
                .param("shown", shown.toArray(Integer[]::new))
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The customer engaged: showings count from zero again. */
    void engaged(TenantId tenant, CustomerId customer, String productId) {
        jdbc.sql("""
                update recommendations_fatigue set shown = shown - :product
                where tenant_id = :tenant and customer_id = :customer and shown -> :product is not null""")
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .param("product", productId)
                .update();
        Map<String, Integer> shown = counts.get(new Key(tenant, customer.value()));
        if (shown != null) {
            synchronized (shown) {
                shown.remove(productId);
            }
        }
    }

    /** Reads the counts of these customers ahead, in one query; counts already in memory are kept. */
    void preload(TenantId tenant, List<CustomerId> customers) {
        readAll(tenant, customers).forEach((customer, shown) -> counts.putIfAbsent(new Key(tenant, customer), shown));
    }

    private Map<String, Integer> read(TenantId tenant, CustomerId customer) {
        return readAll(tenant, List.of(customer)).get(customer.value());
    }

    /** Customer id → product → times shown, every asked customer a key. */
    private Map<String, Map<String, Integer>> readAll(TenantId tenant, List<CustomerId> customers) {
        Map<String, Map<String, Integer>> read = new HashMap<>();
        customers.forEach(customer -> read.put(customer.value(), new HashMap<>()));
        TenantContext.run(
                tenant,
                () -> jdbc.sql("""
                        select customer_id, key, value::int from recommendations_fatigue, jsonb_each_text(shown)
                        where tenant_id = :tenant and customer_id = any(:customers) and value::int > 0""")
                        .param("tenant", tenant.value())
                        .param("customers", read.keySet().toArray(String[]::new))
                        .query((rs, row) -> read.get(rs.getString(1)).put(rs.getString(2), rs.getInt(3)))
                        .list());
        return read;
    }

    /** One product shown to one customer. */
    record Showing(String customer, String product) {}

    private record Key(TenantId tenant, String customer) {}
}
