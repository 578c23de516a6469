package io.hearth.loyalty.internal;

import io.hearth.loyalty.Budget;
import io.hearth.shared.FieldError;
import io.hearth.shared.TenantContext;
import io.hearth.shared.TenantId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Campaign budgets in points or money, for the admin API. Awards and voucher redemptions draw from
 * them in their own transaction.
 */
@Service
public class Budgets {

    private final BudgetStore store;

    Budgets(BudgetStore store) {
        this.store = store;
    }

    public List<Budget> budgets(TenantId tenant) {
        return TenantContext.call(tenant, () -> store.budgets(tenant));
    }

    public Optional<Budget> budget(TenantId tenant, String budgetId) {
        return TenantContext.call(tenant, () -> store.budget(tenant, budgetId));
    }

    /** Creates or changes the budget; a budget keeps the unit it was created with (points or a currency). */
    public Budget save(TenantId tenant, String budgetId, String name, @Nullable String currency, long total) {
        if (!TenantContext.call(tenant, () -> store.save(tenant, budgetId, name, currency, total))) {
            LoyaltyRequests.refuseIfAny(
                    List.of(new FieldError(
                            "/currency", "must stay as the budget was created (money spent keeps its unit)")),
                    "The budget is not valid");
        }
        return budget(tenant, budgetId).orElseThrow();
    }

    /** The amount in the currency's minor units, rounded down: a draw never takes more than the discount. */
    static long minorUnits(BigDecimal amount, String currency) {
        return amount.movePointRight(Currency.getInstance(currency).getDefaultFractionDigits())
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact();
    }

    static BigDecimal major(long minorUnits, String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return BigDecimal.valueOf(minorUnits, digits);
    }
}
