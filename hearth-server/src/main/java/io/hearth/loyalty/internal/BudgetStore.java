package io.hearth.loyalty.internal;

import io.hearth.loyalty.Budget;
import io.hearth.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaign budgets; a draw locks the budget's row for the rest of the caller's transaction. */
@Repository
class BudgetStore {

    private static final String COLUMNS = "budget_id, name, currency, total, spent";

    private final JdbcClient jdbc;

    BudgetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the budget or changes its name and total (never below what was spent); false when the
     * budget exists in another currency (or in points), which it keeps.
     */
    boolean save(TenantId tenant, String budgetId, String name, @Nullable String currency, long total) {
        return jdbc.sql("""
                        insert into loyalty_budget (tenant_id, budget_id, name, currency, total)
                        values (:tenant, :id, :name, :currency, :total)
                        on conflict (tenant_id, budget_id) do update
                        set name = excluded.name, total = greatest(excluded.total, loyalty_budget.spent)
                        where loyalty_budget.currency is not distinct from excluded.currency""")
                        .param("tenant", tenant.value())
                        .param("id", budgetId)
                        .param("name", name)
                        .param("currency", currency)
                        .param("total", total)
                        .update()
                == 1;
    }

    List<Budget> budgets(TenantId tenant) {
        return jdbc.sql("select " + COLUMNS + " from loyalty_budget where tenant_id = :tenant order by budget_id")
                .param("tenant", tenant.value())
                .query(BudgetStore::budget)
                .list();
    }

    Optional<Budget> budget(TenantId tenant, String budgetId) {
        return jdbc.sql("select " + COLUMNS + " from loyalty_budget where tenant_id = :tenant and budget_id = :id")
                .param("tenant", tenant.value())
                .param("id", budgetId)
                .query(BudgetStore::budget)
                .optional();
    }

    /**
     * Takes up to {@code amount} from the budget when it counts in {@code currency} (null: points);
     * answers what it took (0 for an unknown or spent budget, or one in another unit).
     */
    long draw(TenantId tenant, String budgetId, @Nullable String currency, long amount) {
        return jdbc.sql("""
                        with before as (
                            select spent from loyalty_budget where tenant_id = :tenant and budget_id = :id
                            and currency is not distinct from cast(:currency as text) for update)
                        update loyalty_budget b set spent = least(b.total, b.spent + :amount)
                        from before where b.tenant_id = :tenant and b.budget_id = :id
                        returning b.spent - before.spent""")
                .param("tenant", tenant.value())
                .param("id", budgetId)
                .param("currency", currency)
                .param("amount", amount)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    private static Budget budget(ResultSet rs, int row) throws SQLException {
        return new Budget(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5));
    }
}
