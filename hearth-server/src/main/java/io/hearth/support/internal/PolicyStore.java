package io.hearth.support.internal;

import io.hearth.shared.TenantId;
import io.hearth.support.SupportPolicy;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The shop's support policy as JSON; the defaults until the shop sets one. In the caller's transaction. */
@Repository
class PolicyStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PolicyStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    SupportPolicy policy(TenantId tenant) {
        return jdbc.sql("select policy::text from support_policy where tenant_id = :t")
                .param("t", tenant.value())
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, SupportPolicy.class))
                .orElseGet(SupportPolicy::defaults);
    }

    void save(TenantId tenant, SupportPolicy policy, Instant at) {
        jdbc.sql("""
                insert into support_policy (tenant_id, policy, updated_at) values (:t, cast(:p as jsonb), :at)
                on conflict (tenant_id) do update set policy = excluded.policy, updated_at = excluded.updated_at
                """)
                .param("t", tenant.value())
                .param("p", json.writeValueAsString(policy))
                .param("at", Timestamp.from(at))
                .update();
    }
}
