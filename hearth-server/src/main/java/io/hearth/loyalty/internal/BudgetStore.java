package io.hearth.loyalty.internal;

import io.hearth.loyalty.Budget;
import io.hearth.shared.TenantId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaign budgets; a draw locks the budget's row for the rest of the caller's transaction. */
@Repository
class BudgetStore {

    private final JdbcClient jdbc;

    BudgetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the budget or changes its name and total (never below what was spent). */
    void save(TenantId tenant, String budgetId, String name, long total) {
        jdbc.sql("""
                        insert into loyalty_budget (tenant_id, budget_id, name, total) values (:tenant, :id, :name, :total)
                        on conflict (tenant_id, budget_id) do update
                        set name = excluded.name, total = greatest(excluded.total, loyalty_budget.spent)""")
                .param("tenant", tenant.value())
                .param("id", budgetId)
                .param("name", name)
                .param("total", total)
                .update();
    }

    List<Budget> budgets(TenantId tenant) {
        return jdbc.sql(
                        "select budget_id, name, total, spent from loyalty_budget where tenant_id = :tenant order by budget_id")
                .param("tenant", tenant.value())
                .query((rs, row) -> new Budget(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** Takes up to {@code points} from the budget; answers what it took (0 for an unknown or spent budget). */
    long draw(TenantId tenant, String budgetId, long points) {
        return jdbc.sql("""
                        with before as (
                            select spent from loyalty_budget where tenant_id = :tenant and budget_id = :id for update)
                        update loyalty_budget b set spent = least(b.total, b.spent + :points)
                        from before where b.tenant_id = :tenant and b.budget_id = :id
                        returning b.spent - before.spent""")
                .param("tenant", tenant.value())
                .param("id", budgetId)
                .param("points", points)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }
}
