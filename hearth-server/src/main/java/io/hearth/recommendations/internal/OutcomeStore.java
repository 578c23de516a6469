package io.hearth.recommendations.internal;

import io.hearth.recommendations.Strategy;
import io.hearth.recommendations.StrategyPerformance;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Clicks and conversions that came back with a recommendation id, and what they add up to. */
@Repository
class OutcomeStore {

    private final JdbcClient jdbc;

    OutcomeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer a served recommendation was for, if it was served and for a customer. */
    Optional<String> customerOf(TenantId tenant, UUID recommendation) {
        return jdbc.sql("""
                        select customer_id from recommendations_served
                        where tenant_id = :tenant and recommendation_id = :id and customer_id is not null""")
                .param("tenant", tenant.value())
                .param("id", recommendation)
                .query(String.class)
                .optional();
    }

    /** Records an outcome once per (event, product, kind); answers whether it was new. */
    boolean record(TenantId tenant, UUID event, String product, String kind, UUID recommendation, Instant at) {
        return jdbc.sql("""
                        insert into recommendations_outcome (tenant_id, event_id, product_id, kind, recommendation_id,
                            occurred_at)
                        select :tenant, :event, :product, :kind, :recommendation, :at
                        where exists (select 1 from recommendations_served
                                      where tenant_id = :tenant and recommendation_id = :recommendation)
                        on conflict do nothing""")
                        .param("tenant", tenant.value())
                        .param("event", event)
                        .param("product", product)
                        .param("kind", kind)
                        .param("recommendation", recommendation)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /**
     * Per strategy, over slates served in [from, to): items shown, and clicks and conversions on those
     * very items through their slate's recommendation id.
     */
    List<StrategyPerformance> performance(TenantId tenant, Instant from, Instant to) {
        return jdbc.sql("""
                        with shown as (
                            select s.recommendation_id, u.product_id, u.strategy
                            from recommendations_served s,
                                 unnest(s.product_ids, s.strategies) as u(product_id, strategy)
                            where s.tenant_id = :tenant and s.served_at >= :from and s.served_at < :to)
                        select shown.strategy,
                               count(*) as impressions,
                               count(*) filter (where exists (select 1 from recommendations_outcome o
                                   where o.tenant_id = :tenant and o.recommendation_id = shown.recommendation_id
                                     and o.product_id = shown.product_id and o.kind = 'click')) as clicks,
                               count(*) filter (where exists (select 1 from recommendations_outcome o
                                   where o.tenant_id = :tenant and o.recommendation_id = shown.recommendation_id
                                     and o.product_id = shown.product_id and o.kind = 'conversion')) as conversions
                        from shown group by shown.strategy order by impressions desc""")
                .param("tenant", tenant.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, row) -> StrategyPerformance.of(
                        Strategy.valueOf(rs.getString("strategy")),
                        rs.getLong("impressions"),
                        rs.getLong("clicks"),
                        rs.getLong("conversions")))
                .list();
    }
}
