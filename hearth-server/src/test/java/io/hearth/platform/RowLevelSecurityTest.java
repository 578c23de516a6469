package io.hearth.platform;

import static io.hearth.testing.Api.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.shared.TenantContext;
import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Isolation is enforced by PostgreSQL, not by application filters: the application's role is bound by
 * row-level security, and a query without a tenant sees no tenant rows at all.
 */
@HearthTest
class RowLevelSecurityTest {

    private static final List<String> TENANT_TABLES =
            List.of("tenancy_tenant", "tenancy_source", "tenancy_api_key", "ingestion_event", "ingestion_message");

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theApplicationRoleIsNeitherSuperuserNorOwnerNorBypassesRowLevelSecurity() {
        var role = jdbc.sql("""
                select r.rolsuper, r.rolbypassrls,
                       (select count(*) from pg_tables t where t.tableowner = current_user) as owned
                from pg_roles r where r.rolname = current_user
                """)
                .query((rs, row) -> List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getLong(3) > 0))
                .single();

        assertThat(role).containsExactly(false, false, false);
    }

    @Test
    void everyTenantTableHasRowLevelSecurityEnabled() {
        List<String> unprotected = jdbc.sql("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity
                  and c.relname not like 'ingestion_event_%' and c.relname not in ('event_publication', 'flyway_schema_history', 'scheduled_tasks')
                """).query(String.class).list();

        assertThat(unprotected).isEmpty();
    }

    @Test
    void aQueryWithoutTenantSeesNoRowsAndATenantSeesOnlyItsOwn() {
        TestTenant a = tenants.create();
        TestTenant b = tenants.create();
        Api api = new Api(port);
        api.post("/v1/track", basic(a.writeKey()), "{\"userId\":\"rls-a\",\"event\":\"E\"}");
        api.post("/v1/track", basic(b.writeKey()), "{\"userId\":\"rls-b\",\"event\":\"E\"}");

        for (String table : TENANT_TABLES) {
            assertThat(count(table)).as(table + " without tenant").isZero();
        }
        long aEvents = TenantContext.call(a.id(), () -> count("ingestion_event"));
        List<String> aUsers = TenantContext.call(
                a.id(),
                () -> jdbc.sql("select distinct user_id from ingestion_event")
                        .query(String.class)
                        .list());
        assertThat(aEvents).isEqualTo(1);
        assertThat(aUsers).containsExactly("rls-a");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
