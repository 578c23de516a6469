package io.hearth.recommendations.internal;

import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How often each product was shown to each customer since they last engaged with it (clicked or
 * bought it through a recommendation). At the limit it is left out of their slates until they engage.
 */
@Repository
class FatigueStore {

    private final JdbcClient jdbc;

    FatigueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<String> fatigued(TenantId tenant, CustomerId customer, int limit) {
        return TenantContext.call(
                tenant,
                () -> new HashSet<>(jdbc.sql("""
                        select product_id from recommendations_impression
                        where tenant_id = :tenant and customer_id = :customer and shown >= :limit""")
                        .param("tenant", tenant.value())
                        .param("customer", customer.value())
                        .param("limit", limit)
                        .query(String.class)
                        .list()));
    }

    /** Counts one more showing of each product; runs in the caller's tenant transaction. */
    void shown(TenantId tenant, CustomerId customer, List<String> productIds, Instant at) {
        jdbc.sql("""
                insert into recommendations_impression (tenant_id, customer_id, product_id, shown, last_shown_at)
                select :tenant, :customer, product_id, 1, :at from unnest(cast(:products as text[])) as product_id
                on conflict (tenant_id, customer_id, product_id)
                do update set shown = recommendations_impression.shown + 1, last_shown_at = excluded.last_shown_at""")
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .param("products", productIds.stream().distinct().toArray(String[]::new))
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The customer engaged: showings count from zero again. */
    void engaged(TenantId tenant, CustomerId customer, String productId, Instant at) {
        jdbc.sql("""
                update recommendations_impression set shown = 0, engaged_at = :at
                where tenant_id = :tenant and customer_id = :customer and product_id = :product""")
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .param("product", productId)
                .param("at", Timestamp.from(at))
                .update();
    }
}
