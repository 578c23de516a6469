package io.hearth.journeys.internal;

import io.hearth.journeys.ConversionComparison;
import io.hearth.profiles.OrderStatus;
import io.hearth.profiles.OrderStatusChanged;
import io.hearth.profiles.OrdersChanged;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Conversion against the holdout. A placed order converts every run of its customer that started
 * within the conversion window before it and has not converted yet, treated and held out alike, in
 * one statement; a redelivered order event finds those runs converted already. The comparison is
 * intention-to-treat: a treated run counts whether or not its messages got through the guardrails.
 */
@Component
class Conversions {

    private final JdbcClient jdbc;
    private final JourneySettings settings;
    private final TransactionTemplate transactions;

    Conversions(JdbcClient jdbc, JourneySettings settings, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.transactions = transactions;
    }

    @Async
    @TransactionalEventListener
    void on(OrdersChanged changed) {
        List<OrderStatusChanged> placed = changed.changes().stream()
                .filter(change -> change.status() == OrderStatus.PLACED)
                .toList();
        if (placed.isEmpty()) {
            return;
        }
        TenantContext.run(
                changed.tenantId(), () -> transactions.executeWithoutResult(status -> placed.forEach(this::convert)));
    }

    private void convert(OrderStatusChanged changed) {
        jdbc.sql("""
                                update journeys_run set converted_at = :at, conversion_order = :order,
                                    conversion_revenue = :revenue
                                where tenant_id = :tenant and customer_id = :customer and converted_at is null
                                  and started_at < :at and started_at >= :since
                                """)
                .param("tenant", changed.tenantId().value())
                .param("customer", changed.customerId().value())
                .param("at", Timestamp.from(changed.at()))
                .param("since", Timestamp.from(changed.at().minus(settings.conversionWindow())))
                .param("order", changed.orderId())
                .param("revenue", changed.total() == null ? BigDecimal.ZERO : changed.total())
                .update();
    }

    /** The treated and held-out runs of a journey, as counted in the caller's tenant. */
    ConversionComparison compare(TenantId tenant, String journey) {
        ConversionComparison.Group[] groups = {empty(), empty()};
        jdbc.sql("""
                select coalesce(variant = 'holdout', false) or held_out as control, count(*) as runs,
                    count(converted_at) as converted, coalesce(sum(conversion_revenue), 0) as revenue
                from journeys_run where tenant_id = :tenant and journey_key = :journey group by 1
                """)
                .param("tenant", tenant.value())
                .param("journey", journey)
                .query((rs, row) -> groups[rs.getBoolean("control") ? 1 : 0] = new ConversionComparison.Group(
                        rs.getLong("runs"), rs.getLong("converted"), rs.getBigDecimal("revenue")))
                .list();
        return ConversionComparison.of(groups[0], groups[1]);
    }

    /**
     * Customers of the global holdout against everyone else who entered a journey not in {@code
     * transactional}, per customer (see {@link io.hearth.journeys.GlobalHoldout}).
     */
    ConversionComparison compareGlobal(TenantId tenant, Collection<String> transactional) {
        ConversionComparison.Group[] groups = {empty(), empty()};
        jdbc.sql("""
                with runs as (
                    select customer_id, held_out, conversion_order, conversion_revenue from journeys_run
                    where tenant_id = :tenant and not (journey_key = any(:transactional))
                ), revenue as (
                    select customer_id, sum(conversion_revenue) as revenue
                    from (select distinct customer_id, conversion_order, conversion_revenue from runs
                          where conversion_order is not null) orders
                    group by 1
                ), customers as (
                    select customer_id, bool_or(held_out) as control from runs group by 1
                )
                select c.control, count(*) as customers, count(r.customer_id) as converted,
                    coalesce(sum(r.revenue), 0) as revenue
                from customers c left join revenue r using (customer_id) group by 1
                """)
                .param("tenant", tenant.value())
                .param("transactional", transactional.toArray(String[]::new))
                .query((rs, row) -> groups[rs.getBoolean("control") ? 1 : 0] = new ConversionComparison.Group(
                        rs.getLong("customers"), rs.getLong("converted"), rs.getBigDecimal("revenue")))
                .list();
        return ConversionComparison.of(groups[0], groups[1]);
    }

    private static ConversionComparison.Group empty() {
        return new ConversionComparison.Group(0, 0, BigDecimal.ZERO);
    }
}
