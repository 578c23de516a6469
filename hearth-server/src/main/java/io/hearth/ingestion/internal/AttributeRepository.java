package io.hearth.ingestion.internal;

import io.hearth.ingestion.AttributeDefinition;
import io.hearth.ingestion.AttributeType;
import io.hearth.shared.TenantId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored attribute definitions; runs in the caller's tenant. */
@Repository
class AttributeRepository {

    private static final String COLUMNS = "name, type, required, \"values\", minimum, maximum, max_length, description";

    private final JdbcClient jdbc;

    AttributeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores or replaces the definition; answers whether it is new. */
    boolean save(TenantId tenant, AttributeDefinition definition, Instant now) {
        return jdbc.sql("insert into ingestion_attribute (tenant_id, " + COLUMNS + ", updated_at) " + """
                        values (:tenant, :name, :type, :required, :values, :minimum, :maximum, :maxLength,
                                :description, :now)
                        on conflict (tenant_id, name) do update
                        set type = excluded.type, required = excluded.required, "values" = excluded."values",
                            minimum = excluded.minimum, maximum = excluded.maximum, max_length = excluded.max_length,
                            description = excluded.description, updated_at = excluded.updated_at
                        returning (xmax = 0) as inserted
                        """)
                .param("tenant", tenant.value())
                .param("name", definition.name())
                .param("type", definition.type().key())
                .param("required", definition.required())
                .param("values", definition.values().toArray(String[]::new))
                .param("minimum", definition.minimum())
                .param("maximum", definition.maximum())
                .param("maxLength", definition.maxLength())
                .param("description", definition.description())
                .param("now", Timestamp.from(now))
                .query(Boolean.class)
                .single();
    }

    boolean delete(TenantId tenant, String name) {
        return jdbc.sql("delete from ingestion_attribute where tenant_id = :tenant and name = :name")
                        .param("tenant", tenant.value())
                        .param("name", name)
                        .update()
                == 1;
    }

    List<AttributeDefinition> all(TenantId tenant) {
        return jdbc.sql("select " + COLUMNS + " from ingestion_attribute where tenant_id = :tenant order by name")
                .param("tenant", tenant.value())
                .query((rs, row) -> definition(rs))
                .list();
    }

    private static AttributeDefinition definition(ResultSet rs) throws SQLException {
        Object maxLength = rs.getObject("max_length");
        return new AttributeDefinition(
                rs.getString("name"),
                AttributeType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)),
                rs.getBoolean("required"),
                Arrays.asList((String[]) rs.getArray("values").getArray()),
                rs.getObject("minimum", BigDecimal.class),
                rs.getObject("maximum", BigDecimal.class),
                maxLength == null ? null : ((Number) maxLength).intValue(),
                rs.getString("description"));
    }
}
