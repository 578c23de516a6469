package io.hearth.profiles.internal;

import io.hearth.profiles.CustomerOrder;
import io.hearth.profiles.OrderStatus;
import io.hearth.profiles.Shipment;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders and their lifecycle times. */
@Repository
class OrderStore {

    private static final String COLUMNS = """
            order_id, customer_id, total, currency, placed_at, paid_at, fulfilled_at, delivered_at,
            return_window_closed_at, refunded_at, cancelled_at, carrier, tracking_number, tracking_url,
            estimated_delivery""";

    private final JdbcClient jdbc;
    private final Duration returnWindow;

    OrderStore(JdbcClient jdbc, ProfileSettings settings) {
        this.jdbc = jdbc;
        this.returnWindow = settings.returnWindow();
    }

    Map<String, OrderRow> load(List<String> orderIds) {
        Map<String, OrderRow> orders = new LinkedHashMap<>();
        jdbc.sql("select " + COLUMNS + " from profiles_order where order_id = any(:ids)")
                .param("ids", orderIds.toArray(String[]::new))
                .query((rs, row) -> orders.put(rs.getString("order_id"), row(rs)))
                .list();
        return orders;
    }

    List<CustomerOrder> of(CustomerId customer) {
        return jdbc.sql("select " + COLUMNS
                        + " from profiles_order where customer_id = :customer order by placed_at desc nulls last")
                .param("customer", customer.value())
                .query((rs, row) -> row(rs).toOrder(returnWindow))
                .list();
    }

    /** The orders of these customers in one query, each customer's newest first. */
    Map<CustomerId, List<CustomerOrder>> ofAll(Collection<CustomerId> customers) {
        Map<CustomerId, List<CustomerOrder>> byCustomer = new LinkedHashMap<>();
        jdbc.sql("select " + COLUMNS + " from profiles_order where customer_id = any(:customers)"
                        + " order by customer_id, placed_at desc nulls last")
                .param("customers", customers.stream().map(CustomerId::value).toArray(String[]::new))
                .query((rs, row) -> {
                    OrderRow order = row(rs);
                    return byCustomer
                            .computeIfAbsent(order.customer, key -> new java.util.ArrayList<>())
                            .add(order.toOrder(returnWindow));
                })
                .list();
        return byCustomer;
    }

    /** Upserts the orders of a batch in one statement. */
    void save(TenantId tenant, Collection<OrderRow> orders, Duration window, Instant now) {
        int size = orders.size();
        String[][] columns = new String[17][size];
        int i = 0;
        for (OrderRow order : orders) {
            columns[0][i] = order.orderId;
            columns[1][i] = order.customer.value();
            columns[2][i] = order.status().name();
            columns[3][i] = order.total == null ? null : order.total.toPlainString();
            columns[4][i] = order.currency;
            columns[5][i] = text(order.at(OrderStatus.PLACED));
            columns[6][i] = text(order.at(OrderStatus.PAID));
            columns[7][i] = text(order.at(OrderStatus.FULFILLED));
            columns[8][i] = text(order.at(OrderStatus.DELIVERED));
            columns[9][i] = text(order.returnWindowClosesAt(window).orElse(null));
            columns[10][i] = text(order.at(OrderStatus.RETURN_WINDOW_CLOSED));
            columns[11][i] = text(order.at(OrderStatus.REFUNDED));
            columns[12][i] = text(order.at(OrderStatus.CANCELLED));
            Shipment shipment = order.shipment == null ? new Shipment(null, null, null, null) : order.shipment;
            columns[13][i] = shipment.carrier();
            columns[14][i] = shipment.trackingNumber();
            columns[15][i] = shipment.trackingUrl();
            columns[16][i++] = shipment.estimatedDelivery() == null
                    ? null
                    : shipment.estimatedDelivery().toString();
        }
        jdbc.sql("""
                insert into profiles_order (tenant_id, order_id, customer_id, status, total, currency, placed_at,
                    paid_at, fulfilled_at, delivered_at, return_window_closes_at, return_window_closed_at,
                    refunded_at, cancelled_at, carrier, tracking_number, tracking_url, estimated_delivery,
                    updated_at)
                select :tenant, o, c, s, t::numeric, cur, pl::timestamptz, pa::timestamptz, fu::timestamptz,
                       de::timestamptz, cl::timestamptz, cd::timestamptz, re::timestamptz, ca::timestamptz,
                       sc, sn, su, se::date, :now
                from unnest(:o::text[], :c::text[], :s::text[], :t::text[], :cur::text[], :pl::text[], :pa::text[],
                            :fu::text[], :de::text[], :cl::text[], :cd::text[], :re::text[], :ca::text[],
                            :sc::text[], :sn::text[], :su::text[], :se::text[])
                     as x(o, c, s, t, cur, pl, pa, fu, de, cl, cd, re, ca, sc, sn, su, se)
                on conflict (tenant_id, order_id) do update set customer_id = excluded.customer_id,
                    status = excluded.status, total = excluded.total, currency = excluded.currency,
                    placed_at = excluded.placed_at, paid_at = excluded.paid_at,
                    fulfilled_at = excluded.fulfilled_at, delivered_at = excluded.delivered_at,
                    return_window_closes_at = excluded.return_window_closes_at,
                    refunded_at = excluded.refunded_at, cancelled_at = excluded.cancelled_at,
                    carrier = excluded.carrier, tracking_number = excluded.tracking_number,
                    tracking_url = excluded.tracking_url, estimated_delivery = excluded.estimated_delivery,
                    updated_at = excluded.updated_at
                """)
                .param("tenant", tenant.value())
                .param("now", Timestamp.from(now))
                .param("o", columns[0])
                .param("c", columns[1])
                .param("s", columns[2])
                .param("t", columns[3])
                .param("cur", columns[4])
                .param("pl", columns[5])
                .param("pa", columns[6])
                .param("fu", columns[7])
                .param("de", columns[8])
                .param("cl", columns[9])
                .param("cd", columns[10])
                .param("re", columns[11])
                .param("ca", columns[12])
                .param("sc", columns[13])
                .param("sn", columns[14])
                .param("su", columns[15])
                .param("se", columns[16])
                .update();
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** Closes the windows of these orders unless another node already did; answers those it closed. */
    List<OrderRow> closeReturnWindows(List<String> orderIds, Instant now) {
        return jdbc.sql("""
                update profiles_order set return_window_closed_at = return_window_closes_at,
                    status = 'RETURN_WINDOW_CLOSED', updated_at = :now
                where order_id = any(:ids) and return_window_closed_at is null and return_window_closes_at <= :now
                returning\s""" + COLUMNS)
                .param("ids", orderIds.toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .query((rs, row) -> row(rs))
                .list();
    }

    void moveOrders(CustomerId from, CustomerId to) {
        jdbc.sql("update profiles_order set customer_id = :to where customer_id = :from")
                .param("to", to.value())
                .param("from", from.value())
                .update();
    }

    /** After an unmerge: each order belongs to whoever now owns the event that placed it. */
    void reassignByPlacingEvent(Collection<CustomerId> customers) {
        jdbc.sql("""
                update profiles_order o set customer_id = e.customer_id
                from profiles_event e
                where e.order_id = o.order_id and e.event = 'Order Completed' and o.customer_id = any(:customers)
                """)
                .param("customers", customers.stream().map(CustomerId::value).toArray(String[]::new))
                .update();
    }

    private static OrderRow row(ResultSet rs) throws SQLException {
        OrderRow order = new OrderRow(rs.getString("order_id"), CustomerId.of(rs.getString("customer_id")));
        order.total = rs.getBigDecimal("total");
        order.currency = rs.getString("currency");
        order.restore(OrderStatus.PLACED, instant(rs.getTimestamp("placed_at")));
        order.restore(OrderStatus.PAID, instant(rs.getTimestamp("paid_at")));
        order.restore(OrderStatus.FULFILLED, instant(rs.getTimestamp("fulfilled_at")));
        order.restore(OrderStatus.DELIVERED, instant(rs.getTimestamp("delivered_at")));
        order.restore(OrderStatus.RETURN_WINDOW_CLOSED, instant(rs.getTimestamp("return_window_closed_at")));
        order.restore(OrderStatus.REFUNDED, instant(rs.getTimestamp("refunded_at")));
        order.restore(OrderStatus.CANCELLED, instant(rs.getTimestamp("cancelled_at")));
        var estimated = rs.getDate("estimated_delivery");
        order.ship(new Shipment(
                rs.getString("carrier"),
                rs.getString("tracking_number"),
                rs.getString("tracking_url"),
                estimated == null ? null : estimated.toLocalDate()));
        return order;
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
