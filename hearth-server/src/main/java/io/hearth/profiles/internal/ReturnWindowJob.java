package io.hearth.profiles.internal;

import io.hearth.profiles.OrderStatus;
import io.hearth.profiles.OrderStatusChanged;
import io.hearth.profiles.OrdersChanged;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes return windows that have passed and publishes the step. Safe on several nodes at once: the
 * closing update only takes orders still open, so each window closes once.
 */
@Component
class ReturnWindowJob {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final OrderStore orders;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ReturnWindowJob(
            JdbcClient jdbc,
            OrderStore orders,
            TransactionTemplate transactions,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.transactions = transactions;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hearth.profiles.return-window-check:PT1M}")
    void closeDueWindows() {
        Instant now = clock.instant();
        Map<TenantId, List<String>> due = new LinkedHashMap<>();
        jdbc.sql("select tenant_id, order_id from profiles_due_return_windows(:now, :limit)")
                .param("now", java.sql.Timestamp.from(now))
                .param("limit", BATCH)
                .query((rs, row) -> due.computeIfAbsent(
                                new TenantId(rs.getObject("tenant_id", UUID.class)),
                                tenant -> new java.util.ArrayList<>())
                        .add(rs.getString("order_id")))
                .list();
        due.forEach((tenant, ids) -> close(tenant, ids, now));
    }

    private void close(TenantId tenant, List<String> ids, Instant now) {
        TenantContext.run(
                tenant,
                () -> transactions.executeWithoutResult(status -> {
                    List<OrderStatusChanged> closed = new ArrayList<>();
                    for (OrderRow order : orders.closeReturnWindows(ids, now)) {
                        closed.add(new OrderStatusChanged(
                                tenant,
                                order.customer,
                                order.orderId,
                                OrderStatus.RETURN_WINDOW_CLOSED,
                                order.at(OrderStatus.RETURN_WINDOW_CLOSED),
                                order.total,
                                order.currency));
                    }
                    if (!closed.isEmpty()) {
                        publisher.publishEvent(new OrdersChanged(tenant, closed));
                    }
                }));
    }
}
