package io.hearth.support.internal;

import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import io.hearth.support.SupportMetrics;
import io.hearth.support.SupportMetrics.IntentFigures;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Containment, escalations by reason (counts and rates), response and resolution times and CSAT,
 * for the tenant and per intent, computed in SQL. The tenant's figures and each intent's come from
 * the same aggregates, so they are defined alike.
 */
@Component
public class SupportReports {

    private static final String ACTIVE = """
            from support_conversation c where c.tenant_id = :t and exists (select 1 from support_message m
              where m.tenant_id = c.tenant_id and m.conversation_id = c.conversation_id and m.author = 'CUSTOMER')
            """;
    private static final String FIGURES = """
            count(*), count(escalated_at),
              avg(extract(epoch from first_response_at - created_at))::float8,
              avg(extract(epoch from agent_response_at - escalated_at))::float8,
              avg(extract(epoch from resolved_at - created_at))::float8,
              avg(csat)::float8, count(csat)
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SupportReports(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public SupportMetrics metrics(TenantId tenant) {
        return TenantContext.call(tenant, () -> transactions.execute(status -> compute(tenant)));
    }

    /** One row of {@link #FIGURES}, starting at column {@code from}. */
    private record Figures(
            long conversations,
            long escalated,
            @Nullable Double firstResponse,
            @Nullable Double agentResponse,
            @Nullable Double resolution,
            @Nullable Double csat,
            long rated) {

        static Figures read(ResultSet rs, int from) throws SQLException {
            return new Figures(
                    rs.getLong(from),
                    rs.getLong(from + 1),
                    rs.getObject(from + 2, Double.class),
                    rs.getObject(from + 3, Double.class),
                    rs.getObject(from + 4, Double.class),
                    rs.getObject(from + 5, Double.class),
                    rs.getLong(from + 6));
        }
    }

    private SupportMetrics compute(TenantId tenant) {
        Map<String, Long> reasons = new LinkedHashMap<>();
        jdbc.sql("select escalation_reason, count(*) " + ACTIVE
                        + " and escalation_reason is not null group by 1 order by 2 desc, 1")
                .param("t", tenant.value())
                .query(rs -> {
                    reasons.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, Map<String, Long>> reasonsByIntent = new LinkedHashMap<>();
        jdbc.sql("select last_intent, escalation_reason, count(*) " + ACTIVE
                        + " and last_intent is not null and escalation_reason is not null group by 1, 2"
                        + " order by 1, 3 desc, 2")
                .param("t", tenant.value())
                .query(rs -> {
                    reasonsByIntent
                            .computeIfAbsent(rs.getString(1), intent -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getLong(3));
                });
        Map<String, IntentFigures> intents = new LinkedHashMap<>();
        jdbc.sql("select last_intent, " + FIGURES + ACTIVE
                        + " and last_intent is not null group by 1 order by 2 desc, 1")
                .param("t", tenant.value())
                .query(rs -> {
                    Figures f = Figures.read(rs, 2);
                    Map<String, Long> byReason = reasonsByIntent.getOrDefault(rs.getString(1), Map.of());
                    intents.put(
                            rs.getString(1),
                            new IntentFigures(
                                    f.conversations(),
                                    f.escalated(),
                                    rate(f.conversations() - f.escalated(), f.conversations()),
                                    byReason,
                                    rates(byReason, f.conversations()),
                                    f.firstResponse(),
                                    f.agentResponse(),
                                    f.resolution(),
                                    f.csat(),
                                    f.rated()));
                });
        Figures all = jdbc.sql("select " + FIGURES + ACTIVE)
                .param("t", tenant.value())
                .query((rs, row) -> Figures.read(rs, 1))
                .single();
        return new SupportMetrics(
                all.conversations(),
                all.conversations() - all.escalated(),
                rate(all.conversations() - all.escalated(), all.conversations()),
                all.escalated(),
                reasons,
                rates(reasons, all.conversations()),
                all.firstResponse(),
                all.agentResponse(),
                all.resolution(),
                all.csat(),
                all.rated(),
                intents);
    }

    private static Map<String, Double> rates(Map<String, Long> counts, long whole) {
        Map<String, Double> rates = new LinkedHashMap<>();
        counts.forEach((reason, count) -> rates.put(reason, rate(count, whole)));
        return rates;
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
