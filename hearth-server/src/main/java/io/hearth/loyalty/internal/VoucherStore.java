package io.hearth.loyalty.internal;

import io.hearth.loyalty.Voucher;
import io.hearth.shared.TenantId;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Vouchers and their redemptions. */
@Repository
class VoucherStore {

    private final JdbcClient jdbc;

    VoucherStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the voucher; answers false when the code is taken. */
    boolean insert(TenantId tenant, Voucher voucher, Instant now) {
        return jdbc.sql("""
                        insert into loyalty_voucher (tenant_id, code, kind, value, min_basket, categories,
                            first_order_only, per_customer_limit, redemption_limit, customer_id, expires_at, created_at,
                            budget_id)
                        values (:tenant, :code, :kind, :value, :minBasket, cast(:categories as text[]), :firstOrder,
                            :perCustomer, :limit, :customer, :expires, :now, :budget)
                        on conflict do nothing""")
                        .param("tenant", tenant.value())
                        .param("code", voucher.code())
                        .param("kind", voucher.kind().name())
                        .param("value", voucher.value())
                        .param("minBasket", voucher.minBasket())
                        .param(
                                "categories",
                                "{"
                                        + String.join(
                                                ",",
                                                voucher.categories().stream()
                                                        .map(VoucherStore::quoted)
                                                        .toList())
                                        + "}")
                        .param("firstOrder", voucher.firstOrderOnly())
                        .param("perCustomer", voucher.perCustomerLimit())
                        .param("limit", voucher.redemptionLimit())
                        .param("customer", voucher.customerId())
                        .param("expires", voucher.expiresAt() == null ? null : Timestamp.from(voucher.expiresAt()))
                        .param("now", Timestamp.from(now))
                        .param("budget", voucher.budgetId())
                        .update()
                == 1;
    }

    Optional<Voucher> voucher(TenantId tenant, String code, boolean lock) {
        return jdbc.sql("select * from loyalty_voucher where tenant_id = :tenant and code = :code"
                        + (lock ? " for update" : ""))
                .param("tenant", tenant.value())
                .param("code", code)
                .query(VoucherStore::voucher)
                .optional();
    }

    long redemptionsBy(TenantId tenant, String code, String customer) {
        return jdbc.sql("""
                        select count(*) from loyalty_voucher_redemption
                        where tenant_id = :tenant and code = :code and customer_id = :customer""")
                .param("tenant", tenant.value())
                .param("code", code)
                .param("customer", customer)
                .query(Long.class)
                .single();
    }

    Optional<BigDecimal> redemptionOf(TenantId tenant, String code, String orderId) {
        return jdbc.sql(
                        "select discount from loyalty_voucher_redemption where tenant_id = :tenant and code = :code and order_id = :order")
                .param("tenant", tenant.value())
                .param("code", code)
                .param("order", orderId)
                .query(BigDecimal.class)
                .optional();
    }

    void redeem(TenantId tenant, String code, String orderId, String customer, BigDecimal discount, Instant now) {
        jdbc.sql("""
                        insert into loyalty_voucher_redemption (tenant_id, code, order_id, customer_id, discount, redeemed_at)
                        values (:tenant, :code, :order, :customer, :discount, :now)""")
                .param("tenant", tenant.value())
                .param("code", code)
                .param("order", orderId)
                .param("customer", customer)
                .param("discount", discount)
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("update loyalty_voucher set redeemed = redeemed + 1 where tenant_id = :tenant and code = :code")
                .param("tenant", tenant.value())
                .param("code", code)
                .update();
    }

    private static String quoted(String category) {
        return "\"" + category.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Voucher voucher(ResultSet rs, int row) throws SQLException {
        Array categories = rs.getArray("categories");
        Timestamp expires = rs.getTimestamp("expires_at");
        return new Voucher(
                rs.getString("code"),
                Voucher.Kind.valueOf(rs.getString("kind")),
                rs.getBigDecimal("value"),
                rs.getBigDecimal("min_basket"),
                categories == null ? List.of() : Arrays.asList((String[]) categories.getArray()),
                rs.getBoolean("first_order_only"),
                (Integer) rs.getObject("per_customer_limit"),
                (Integer) rs.getObject("redemption_limit"),
                rs.getInt("redeemed"),
                rs.getString("customer_id"),
                expires == null ? null : expires.toInstant(),
                rs.getString("budget_id"));
    }
}
