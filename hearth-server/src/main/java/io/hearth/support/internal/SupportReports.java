package io.hearth.support.internal;

import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import io.hearth.support.SupportMetrics;
import io.hearth.support.SupportMetrics.IntentFigures;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Containment, escalations by reason, response and resolution times and CSAT, computed in SQL. */
@Component
public class SupportReports {

    private static final String ACTIVE = """
            from support_conversation c where c.tenant_id = :t and exists (select 1 from support_message m
              where m.tenant_id = c.tenant_id and m.conversation_id = c.conversation_id and m.author = 'CUSTOMER')
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

    private SupportMetrics compute(TenantId tenant) {
        Map<String, Long> reasons = new LinkedHashMap<>();
        jdbc.sql("select escalation_reason, count(*) " + ACTIVE
                        + " and escalation_reason is not null group by 1 order by 2 desc, 1")
                .param("t", tenant.value())
                .query(rs -> {
                    reasons.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, IntentFigures> intents = new LinkedHashMap<>();
        jdbc.sql("select last_intent, count(*), count(escalated_at), avg(csat)::float8 " + ACTIVE
                        + " and last_intent is not null group by 1 order by 2 desc, 1")
                .param("t", tenant.value())
                .query(rs -> {
                    long n = rs.getLong(2);
                    long escalated = rs.getLong(3);
                    intents.put(
                            rs.getString(1),
                            new IntentFigures(n, escalated, rate(n - escalated, n), rs.getObject(4, Double.class)));
                });
        return jdbc.sql("""
                select count(*), count(escalated_at),
                  avg(extract(epoch from first_response_at - created_at))::float8,
                  avg(extract(epoch from agent_response_at - escalated_at))::float8,
                  avg(extract(epoch from resolved_at - created_at))::float8,
                  avg(csat)::float8, count(csat)
                """ + ACTIVE)
                .param("t", tenant.value())
                .query((rs, row) -> {
                    long n = rs.getLong(1);
                    long escalated = rs.getLong(2);
                    return new SupportMetrics(
                            n,
                            n - escalated,
                            rate(n - escalated, n),
                            escalated,
                            reasons,
                            rs.getObject(3, Double.class),
                            rs.getObject(4, Double.class),
                            rs.getObject(5, Double.class),
                            rs.getObject(6, Double.class),
                            rs.getLong(7),
                            intents);
                })
                .single();
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
