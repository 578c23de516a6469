package io.hearth.predictions.internal;

import io.hearth.predictions.ModelKind;
import io.hearth.predictions.ModelVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rows of {@code predictions_model}; callers are inside the tenant and a transaction. */
@Repository
class ModelStore {

    private static final String COLUMNS = """
            kind, version, trained_at, window_start, window_end, customers, transactions, metrics::text as metrics,
            parameters::text as parameters, code_version, good, reason""";
    private static final TypeReference<Map<String, Double>> FIGURES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ModelStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores the next version of the kind; versions count from 1 per tenant and kind. */
    ModelVersion insert(NewVersion version, java.util.UUID tenant) {
        return jdbc.sql("""
                insert into predictions_model (tenant_id, kind, version, trained_at, window_start, window_end,
                    customers, transactions, metrics, parameters, code_version, good, reason, artefact)
                select :tenant::uuid, :kind::text, coalesce(max(version), 0) + 1, :trainedAt::timestamptz,
                    :windowStart::timestamptz, :windowEnd::timestamptz, :customers::bigint, :transactions::bigint,
                    :metrics::jsonb, :parameters::jsonb, :codeVersion::text, :good::boolean, :reason::text,
                    :artefact::bytea
                from predictions_model where kind = :kind
                returning\s""" + COLUMNS)
                .param("tenant", tenant)
                .param("kind", version.kind().key())
                .param("trainedAt", Timestamp.from(version.trainedAt()))
                .param("windowStart", Timestamp.from(version.windowStart()))
                .param("windowEnd", Timestamp.from(version.windowEnd()))
                .param("customers", version.customers())
                .param("transactions", version.transactions())
                .param("metrics", json.writeValueAsString(finite(version.metrics())))
                .param("parameters", json.writeValueAsString(finite(version.parameters())))
                .param("codeVersion", version.codeVersion())
                .param("good", version.reason() == null)
                .param("reason", version.reason())
                .param("artefact", version.artefact())
                .query(this::row)
                .single();
    }

    List<ModelVersion> versions(ModelKind kind, int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from predictions_model where kind = :kind order by version desc limit :limit")
                .param("kind", kind.key())
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    Optional<ModelVersion> version(ModelKind kind, int version) {
        return jdbc.sql("select " + COLUMNS + " from predictions_model where kind = :kind and version = :version")
                .param("kind", kind.key())
                .param("version", version)
                .query(this::row)
                .optional();
    }

    /** The newest good version with its artefact. */
    Optional<Map.Entry<ModelVersion, byte[]>> latestGood(ModelKind kind) {
        return jdbc.sql("select " + COLUMNS + ", artefact from predictions_model where kind = :kind and good"
                        + " order by version desc limit 1")
                .param("kind", kind.key())
                .query((rs, row) -> Map.entry(row(rs, row), rs.getBytes("artefact")))
                .optional();
    }

    private ModelVersion row(ResultSet rs, int row) throws SQLException {
        ModelKind kind = ModelKind.parse(rs.getString("kind")).orElseThrow();
        int version = rs.getInt("version");
        return new ModelVersion(
                kind.key() + "@" + version,
                kind,
                version,
                rs.getTimestamp("trained_at").toInstant(),
                rs.getTimestamp("window_start").toInstant(),
                rs.getTimestamp("window_end").toInstant(),
                rs.getLong("customers"),
                rs.getLong("transactions"),
                json.readValue(rs.getString("metrics"), FIGURES),
                json.readValue(rs.getString("parameters"), FIGURES),
                rs.getString("code_version"),
                rs.getBoolean("good"),
                rs.getString("reason"));
    }

    // JSON has no NaN or infinity; a figure that is not finite is left out rather than breaking the row.
    private static Map<String, Double> finite(Map<String, Double> figures) {
        Map<String, Double> kept = new java.util.LinkedHashMap<>();
        figures.forEach((name, value) -> {
            if (Double.isFinite(value)) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    /** A version about to be stored. */
    record NewVersion(
            ModelKind kind,
            java.time.Instant trainedAt,
            java.time.Instant windowStart,
            java.time.Instant windowEnd,
            long customers,
            long transactions,
            Map<String, Double> metrics,
            Map<String, Double> parameters,
            String codeVersion,
            @Nullable String reason,
            byte[] artefact) {}
}
