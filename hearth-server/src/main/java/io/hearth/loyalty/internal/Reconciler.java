package io.hearth.loyalty.internal;

import io.hearth.loyalty.Reconciliation;
import io.hearth.loyalty.Reconciliation.Difference;
import io.hearth.shared.CustomerId;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes every balance of a tenant from its entries (and from its lots) in one repeatable-read
 * snapshot and reports each member whose projection disagrees, and each transaction whose entries
 * do not sum to zero. There must be none; a difference is logged as an error.
 */
@Component
class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    Reconciler(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions.getTransactionManager());
        this.snapshot.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.clock = clock;
    }

    Reconciliation reconcile(TenantId tenant) {
        Reconciliation report = TenantContext.call(
                tenant,
                () -> snapshot.execute(status -> new Reconciliation(
                        clock.instant(),
                        count("loyalty_account"),
                        count("loyalty_transaction"),
                        differences(),
                        unbalanced())));
        if (!report.clean()) {
            LOG.error(
                    "Loyalty reconciliation of tenant {} found {} differences and {} unbalanced transactions",
                    tenant,
                    report.differences().size(),
                    report.unbalancedTransactions().size());
        }
        return report;
    }

    /** Tenants that have loyalty accounts, for the recurring job. */
    List<TenantId> tenants() {
        return jdbc.sql("select tenant_id from loyalty_tenants()")
                .query((rs, row) -> new TenantId(rs.getObject(1, UUID.class)))
                .list();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private List<Difference> differences() {
        return jdbc.sql("""
                        with entries as (
                            select customer_id,
                                   coalesce(sum(amount) filter (where account = 'member.available'), 0) as available,
                                   coalesce(sum(amount) filter (where account = 'member.pending'), 0) as pending
                            from loyalty_entry group by customer_id),
                        lots as (
                            select customer_id, coalesce(sum(remaining) filter (where state = 'AVAILABLE'), 0) as remaining
                            from loyalty_lot group by customer_id)
                        select a.customer_id, a.available, coalesce(e.available, 0) as entries_available,
                               a.pending, coalesce(e.pending, 0) as entries_pending,
                               coalesce(l.remaining, 0) - a.shortfall as lots_available
                        from loyalty_account a
                        left join entries e using (customer_id)
                        left join lots l using (customer_id)
                        where a.available <> coalesce(e.available, 0) or a.pending <> coalesce(e.pending, 0)
                           or a.available <> coalesce(l.remaining, 0) - a.shortfall
                        order by a.customer_id""")
                .query((rs, row) -> new Difference(
                        CustomerId.of(rs.getString(1)),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6)))
                .list();
    }

    private List<UUID> unbalanced() {
        return jdbc.sql("""
                        select transaction_id from loyalty_entry group by transaction_id having sum(amount) <> 0
                        order by transaction_id""").query((rs, row) -> rs.getObject(1, UUID.class)).list();
    }
}
