package io.hearth.loyalty.internal;

import io.hearth.loyalty.Balance;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The balance projection rows; locking one serializes every movement of that member. */
@Repository
class AccountStore {

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The member's account, created when missing, locked until the transaction ends. */
    MemberAccount lock(TenantId tenant, CustomerId customer, Instant now) {
        // One round trip: the upsert creates a missing row, and touching an existing one locks it.
        return jdbc.sql("""
                        insert into loyalty_account (tenant_id, customer_id, created_at, updated_at)
                        values (:tenant, :customer, :now, :now)
                        on conflict (tenant_id, customer_id) do update set updated_at = loyalty_account.updated_at
                        returning *""")
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .param("now", Timestamp.from(now))
                .query((rs, row) -> {
                    MemberAccount account = new MemberAccount(customer);
                    account.available = rs.getLong("available");
                    account.pending = rs.getLong("pending");
                    account.lifetimeEarned = rs.getLong("lifetime_earned");
                    account.redeemed = rs.getLong("redeemed");
                    account.expired = rs.getLong("expired");
                    account.shortfall = rs.getLong("shortfall");
                    account.ordersEarned = rs.getInt("orders_earned");
                    return account;
                })
                .single();
    }

    /**
     * The update of the member's balance row to the account's figures, its parameters (all prefixed
     * {@code b}, besides {@code tenant}) added to {@code params}: the ledger runs it in the statement
     * that writes the transaction, under the row lock {@link #lock} took.
     */
    static String update(MemberAccount account, Instant now, Map<String, Object> params) {
        params.put("bAvailable", account.available);
        params.put("bPending", account.pending);
        params.put("bEarned", account.lifetimeEarned);
        params.put("bRedeemed", account.redeemed);
        params.put("bExpired", account.expired);
        params.put("bShortfall", account.shortfall);
        params.put("bOrders", account.ordersEarned);
        params.put("bNow", Timestamp.from(now));
        params.put("bCustomer", account.customer.value());
        return """
                update loyalty_account set available = :bAvailable, pending = :bPending,
                    lifetime_earned = :bEarned, redeemed = :bRedeemed, expired = :bExpired,
                    shortfall = :bShortfall, orders_earned = :bOrders, updated_at = :bNow
                where tenant_id = :tenant and customer_id = :bCustomer""";
    }

    /** Those of the customers who have an account: one query for a whole batch of visitors. */
    List<CustomerId> members(TenantId tenant, Collection<CustomerId> customers) {
        if (customers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select customer_id from loyalty_account where tenant_id = :tenant and customer_id in (:ids)")
                .param("tenant", tenant.value())
                .param("ids", customers.stream().map(CustomerId::value).toList())
                .query((rs, row) -> CustomerId.of(rs.getString(1)))
                .list();
    }

    Optional<Balance> balance(TenantId tenant, CustomerId customer) {
        return jdbc.sql("select * from loyalty_account where tenant_id = :tenant and customer_id = :customer")
                .param("tenant", tenant.value())
                .param("customer", customer.value())
                .query((rs, row) -> new Balance(
                        customer,
                        rs.getLong("available"),
                        rs.getLong("pending"),
                        rs.getLong("lifetime_earned"),
                        rs.getLong("redeemed"),
                        rs.getLong("expired"),
                        rs.getLong("shortfall")))
                .optional();
    }
}
