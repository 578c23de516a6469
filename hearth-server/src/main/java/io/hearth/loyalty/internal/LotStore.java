package io.hearth.loyalty.internal;

import io.hearth.loyalty.internal.Lot.State;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lots of points; read and changed only under the member's account lock. */
@Repository
class LotStore {

    private static final String SELECT = "select * from loyalty_lot where tenant_id = :tenant ";
    private static final String SPENDABLE = "and state = 'AVAILABLE' and remaining > 0 ";

    private final JdbcClient jdbc;

    LotStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(TenantId tenant, Lot lot) {
        insertAll(tenant, List.of(lot));
    }

    /** One statement for all of them: an order's lines become lots in one round trip. */
    void insertAll(TenantId tenant, List<Lot> inserted) {
        if (inserted.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("""
                insert into loyalty_lot (tenant_id, lot_id, customer_id, transaction_id, order_id, line_id,
                    category, points, remaining, expired, state, earned_at, available_at, expires_at) values """);
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenant.value());
        for (int i = 0; i < inserted.size(); i++) {
            Lot lot = inserted.get(i);
            sql.append(i == 0 ? "" : ", ")
                    .append("(:tenant, :lot%1$d, :customer%1$d, :transaction%1$d, :order%1$d, :line%1$d, ".formatted(i))
                    .append(":category%1$d, :points%1$d, :remaining%1$d, :expired%1$d, :state%1$d, :earned%1$d, "
                            .formatted(i))
                    .append(":available%1$d, :expires%1$d)".formatted(i));
            params.put("lot" + i, lot.lotId);
            params.put("customer" + i, lot.customer.value());
            params.put("transaction" + i, lot.transactionId);
            params.put("order" + i, lot.orderId);
            params.put("line" + i, lot.lineId);
            params.put("category" + i, lot.category);
            params.put("points" + i, lot.points);
            params.put("remaining" + i, lot.remaining);
            params.put("expired" + i, lot.expired);
            params.put("state" + i, lot.state.name());
            params.put("earned" + i, Timestamp.from(lot.earnedAt));
            params.put("available" + i, timestamp(lot.availableAt));
            params.put("expires" + i, timestamp(lot.expiresAt));
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    void update(TenantId tenant, Lot lot) {
        jdbc.sql("""
                        update loyalty_lot set remaining = :remaining, expired = :expired, state = :state,
                            available_at = :available, expires_at = :expires
                        where tenant_id = :tenant and lot_id = :lot""")
                .param("remaining", lot.remaining)
                .param("expired", lot.expired)
                .param("state", lot.state.name())
                .param("available", timestamp(lot.availableAt))
                .param("expires", timestamp(lot.expiresAt))
                .param("tenant", tenant.value())
                .param("lot", lot.lotId)
                .update();
    }

    /** The order's lots that were not taken back, in line order. */
    List<Lot> ofOrder(TenantId tenant, String orderId) {
        return jdbc.sql(SELECT + "and order_id = :order and state <> 'REVERSED' order by line_id")
                .param("tenant", tenant.value())
                .param("order", orderId)
                .query(LotStore::lot)
                .list();
    }

    /** Any lot of the order, taken back or not: whether the order ever earned. */
    boolean orderEarned(TenantId tenant, String orderId) {
        return jdbc.sql(SELECT + "and order_id = :order limit 1")
                .param("tenant", tenant.value())
                .param("order", orderId)
                .query((rs, row) -> true)
                .optional()
                .isPresent();
    }

    /** Whose order it is, when it earned points. */
    java.util.Optional<CustomerId> customerOfOrder(TenantId tenant, String orderId) {
        return jdbc.sql("select customer_id from loyalty_lot where tenant_id = :tenant and order_id = :order limit 1")
                .param("tenant", tenant.value())
                .param("order", orderId)
                .query((rs, row) -> CustomerId.of(rs.getString(1)))
                .optional();
    }

    /** When the member first earned on each purchase category (order lines not taken back). */
    Map<String, Instant> firstEarnedPerCategory(TenantId tenant, CustomerId customer) {
        return jdbc
                .sql("""
                        select category, min(earned_at) from loyalty_lot
                        where tenant_id = :tenant and customer_id = :customer and category is not null
                            and state <> 'REVERSED'
                        group by category""")
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .query((rs, row) ->
                        Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The member's spendable lots, the first to expire first. */
    List<Lot> spendable(TenantId tenant, CustomerId customer) {
        return jdbc.sql(SELECT + "and customer_id = :customer " + SPENDABLE
                        + "order by expires_at nulls last, earned_at, lot_id")
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .query(LotStore::lot)
                .list();
    }

    /** Spendable lots that expire before the time. */
    List<Lot> expiringBefore(TenantId tenant, CustomerId customer, Instant before) {
        return jdbc.sql(SELECT + "and customer_id = :customer " + SPENDABLE
                        + "and expires_at <= :before order by expires_at, earned_at, lot_id")
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .param("before", Timestamp.from(before))
                .query(LotStore::lot)
                .list();
    }

    /** Marks unreminded lots expiring before the horizon; answers their points and the first expiry. */
    List<Lot> remind(TenantId tenant, CustomerId customer, Instant horizon, Instant now) {
        return jdbc.sql("""
                        update loyalty_lot set reminded_at = :now
                        where tenant_id = :tenant and customer_id = :customer and state = 'AVAILABLE'
                          and remaining > 0 and reminded_at is null and expires_at <= :horizon and expires_at > :now
                        returning *""")
                .param("now", Timestamp.from(now))
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .param("horizon", Timestamp.from(horizon))
                .query(LotStore::lot)
                .list();
    }

    /** Points earned since the time on lots not taken back: what tiers qualify on. */
    long earnedSince(TenantId tenant, CustomerId customer, Instant since) {
        return sum(tenant, customer, since, "");
    }

    /** Order points (not bonuses) earned since the time: what the monthly cap counts. */
    long orderPointsSince(TenantId tenant, CustomerId customer, Instant since) {
        return sum(tenant, customer, since, "and order_id is not null and line_id not like 'bonus:%' ");
    }

    private long sum(TenantId tenant, CustomerId customer, Instant since, String filter) {
        return jdbc.sql("select coalesce(sum(points), 0) from loyalty_lot where tenant_id = :tenant "
                        + "and customer_id = :customer and state <> 'REVERSED' and earned_at >= :since " + filter)
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Lot lot(ResultSet rs, int row) throws SQLException {
        Lot lot = new Lot(
                rs.getObject("lot_id", UUID.class),
                CustomerId.of(rs.getString("customer_id")),
                rs.getObject("transaction_id", UUID.class),
                rs.getString("order_id"),
                rs.getString("line_id"),
                rs.getString("category"),
                rs.getLong("points"),
                rs.getTimestamp("earned_at").toInstant(),
                State.valueOf(rs.getString("state")));
        lot.remaining = rs.getLong("remaining");
        lot.expired = rs.getLong("expired");
        Timestamp available = rs.getTimestamp("available_at");
        Timestamp expires = rs.getTimestamp("expires_at");
        lot.availableAt = available == null ? null : available.toInstant();
        lot.expiresAt = expires == null ? null : expires.toInstant();
        return lot;
    }
}
