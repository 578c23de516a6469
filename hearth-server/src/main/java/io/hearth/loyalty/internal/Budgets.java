package io.hearth.loyalty.internal;

import io.hearth.loyalty.Budget;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.util.List;
import org.springframework.stereotype.Service;

/** Campaign budgets in points, for the admin API. Awards draw from them in their own transaction. */
@Service
public class Budgets {

    private final BudgetStore store;

    Budgets(BudgetStore store) {
        this.store = store;
    }

    public List<Budget> budgets(TenantId tenant) {
        return TenantContext.call(tenant, () -> store.budgets(tenant));
    }

    public Budget save(TenantId tenant, String budgetId, String name, long total) {
        TenantContext.run(tenant, () -> store.save(tenant, budgetId, name, total));
        return budgets(tenant).stream()
                .filter(budget -> budget.budgetId().equals(budgetId))
                .findFirst()
                .orElseThrow();
    }
}
