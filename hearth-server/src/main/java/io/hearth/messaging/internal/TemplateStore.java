package io.hearth.messaging.internal;

import io.hearth.messaging.PublishedTemplate;
import io.hearth.messaging.TemplateDefinition;
import io.hearth.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Published template versions: insert-only, so a version never changes once messages used it. */
@Repository
class TemplateStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TemplateStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores the next version; the key's row lock serializes two publishes of one key. */
    PublishedTemplate publish(TenantId tenant, TemplateDefinition definition, Instant now) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:tenant || '/' || :key))")
                .param("tenant", tenant.value().toString())
                .param("key", definition.key())
                .query()
                .singleValue();
        int version = jdbc.sql("""
                select coalesce(max(version), 0) + 1 from messaging_template
                where tenant_id = :tenant and template_key = :key
                """)
                .param("tenant", tenant.value())
                .param("key", definition.key())
                .query(Integer.class)
                .single();
        jdbc.sql("""
                insert into messaging_template (tenant_id, template_key, version, definition, published_at)
                values (:tenant, :key, :version, cast(:definition as jsonb), :now)
                """)
                .param("tenant", tenant.value())
                .param("key", definition.key())
                .param("version", version)
                .param("definition", json.writeValueAsString(definition))
                .param("now", Timestamp.from(now))
                .update();
        return new PublishedTemplate(definition, version, now);
    }

    Optional<PublishedTemplate> latest(TenantId tenant, String key) {
        return jdbc.sql("""
                select definition, version, published_at from messaging_template
                where tenant_id = :tenant and template_key = :key order by version desc limit 1
                """)
                .param("tenant", tenant.value())
                .param("key", key)
                .query((rs, row) -> new PublishedTemplate(
                        json.readValue(rs.getString("definition"), TemplateDefinition.class),
                        rs.getInt("version"),
                        rs.getTimestamp("published_at").toInstant()))
                .optional();
    }

    List<String> keys(TenantId tenant) {
        return jdbc.sql("select distinct template_key from messaging_template where tenant_id = :tenant order by 1")
                .param("tenant", tenant.value())
                .query(String.class)
                .list();
    }
}
