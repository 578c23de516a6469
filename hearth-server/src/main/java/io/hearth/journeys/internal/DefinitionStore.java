package io.hearth.journeys.internal;

import io.hearth.journeys.JourneyDefinition;
import io.hearth.journeys.JourneyVersion;
import io.hearth.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Published journey versions, insert-only. The definition is stored as its source text and parsed
 * again on read; a (tenant, key, version) never changes, so parsed versions are cached.
 */
@Repository
class DefinitionStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Map<String, JourneyVersion> cache = new ConcurrentHashMap<>();

    DefinitionStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    interface Reader {
        JourneyDefinition read(String key, String source);
    }

    JourneyVersion publish(TenantId tenant, JourneyDefinition definition, String source, Instant now) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:lock))")
                .param("lock", "journeys/" + tenant.value() + "/" + definition.key())
                .query()
                .singleValue();
        int version = jdbc.sql("""
                select coalesce(max(version), 0) + 1 from journeys_definition
                where tenant_id = :tenant and journey_key = :key
                """)
                .param("tenant", tenant.value())
                .param("key", definition.key())
                .query(Integer.class)
                .single();
        jdbc.sql("""
                insert into journeys_definition (tenant_id, journey_key, version, definition, source, published_at)
                values (:tenant, :key, :version, cast(:definition as jsonb), :source, :now)
                """)
                .param("tenant", tenant.value())
                .param("key", definition.key())
                .param("version", version)
                .param(
                        "definition",
                        json.writeValueAsString(Map.of("key", definition.key(), "name", definition.name())))
                .param("source", source)
                .param("now", Timestamp.from(now))
                .update();
        return new JourneyVersion(definition, version, source, now);
    }

    Optional<JourneyVersion> latest(TenantId tenant, String key, Reader reader) {
        return jdbc.sql("""
                select journey_key, version, source, published_at from journeys_definition
                where tenant_id = :tenant and journey_key = :key order by version desc limit 1
                """)
                .param("tenant", tenant.value())
                .param("key", key)
                .query((rs, row) -> version(tenant, rs, reader))
                .optional();
    }

    Optional<JourneyVersion> version(TenantId tenant, String key, int version, Reader reader) {
        JourneyVersion cached = cache.get(tenant.value() + "/" + key + "/" + version);
        if (cached != null) {
            return Optional.of(cached);
        }
        return jdbc.sql("""
                select journey_key, version, source, published_at from journeys_definition
                where tenant_id = :tenant and journey_key = :key and version = :version
                """)
                .param("tenant", tenant.value())
                .param("key", key)
                .param("version", version)
                .query((rs, row) -> version(tenant, rs, reader))
                .optional();
    }

    /** The newest version of every journey of the tenant. */
    List<JourneyVersion> latestOfEach(TenantId tenant, Reader reader) {
        return jdbc.sql("""
                select distinct on (journey_key) journey_key, version, source, published_at from journeys_definition
                where tenant_id = :tenant order by journey_key, version desc
                """)
                .param("tenant", tenant.value())
                .query((rs, row) -> version(tenant, rs, reader))
                .list();
    }

    /** Every published version of every journey of the tenant. */
    List<JourneyVersion> all(TenantId tenant, Reader reader) {
        return jdbc.sql("""
                select journey_key, version, source, published_at from journeys_definition
                where tenant_id = :tenant order by journey_key, version
                """)
                .param("tenant", tenant.value())
                .query((rs, row) -> version(tenant, rs, reader))
                .list();
    }

    /** How many versions the tenant has published: versions are insert-only, so it changes with every publish. */
    long count(TenantId tenant) {
        return jdbc.sql("select count(*) from journeys_definition where tenant_id = :tenant")
                .param("tenant", tenant.value())
                .query(Long.class)
                .single();
    }

    private JourneyVersion version(TenantId tenant, ResultSet rs, Reader reader) throws SQLException {
        String key = rs.getString("journey_key");
        int version = rs.getInt("version");
        return cache.computeIfAbsent(tenant.value() + "/" + key + "/" + version, ignored -> {
            try {
                String source = rs.getString("source");
                return new JourneyVersion(
                        reader.read(key, source),
                        version,
                        source,
                        rs.getTimestamp("published_at").toInstant());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
