package io.hearth.support.internal;

import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The addresses whose mail over SMTP belongs to a tenant. {@link #tenantOf} runs before any tenant is
 * known; the others in the caller's tenant.
 */
@Repository
class InboundAddresses {

    record Address(String address, Instant createdAt) {}

    private final JdbcClient jdbc;

    InboundAddresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String normalized(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    /** The tenant an inbound address (or, failing that, a mailbox address) belongs to; outside any tenant. */
    Optional<TenantId> tenantOf(String address) {
        return jdbc.sql("select tenant_id from support_inbound_tenant(:a) limit 1")
                .param("a", normalized(address))
                .query((rs, n) -> new TenantId(rs.getObject("tenant_id", UUID.class)))
                .optional();
    }

    /**
     * Adds the address; false when the tenant had it already.
     *
     * @throws org.springframework.dao.DuplicateKeyException when another tenant has it
     */
    boolean add(TenantId tenant, String address, Instant now) {
        return jdbc.sql("""
                        insert into support_inbound_address (tenant_id, address, created_at) values (:t, :a, :now)
                        on conflict (tenant_id, address) do nothing
                        """)
                        .param("t", tenant.value())
                        .param("a", normalized(address))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    Optional<Address> find(TenantId tenant, String address) {
        return jdbc.sql("select address, created_at from support_inbound_address where tenant_id = :t and address = :a")
                .param("t", tenant.value())
                .param("a", normalized(address))
                .query((rs, n) -> new Address(
                        rs.getString("address"), rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    List<Address> list(TenantId tenant) {
        return jdbc.sql("select address, created_at from support_inbound_address where tenant_id = :t order by address")
                .param("t", tenant.value())
                .query((rs, n) -> new Address(
                        rs.getString("address"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    boolean remove(TenantId tenant, String address) {
        return jdbc.sql("delete from support_inbound_address where tenant_id = :t and address = :a")
                        .param("t", tenant.value())
                        .param("a", normalized(address))
                        .update()
                > 0;
    }
}
