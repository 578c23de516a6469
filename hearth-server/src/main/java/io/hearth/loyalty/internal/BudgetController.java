package io.hearth.loyalty.internal;

import io.hearth.loyalty.Budget;
import io.hearth.shared.FieldError;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Campaign budgets: set them, and see what was spent. */
@RestController
@Tag(name = "Loyalty budgets", description = "Campaign budgets in points or money, never overspent")
class BudgetController {

    private final Budgets budgets;

    BudgetController(Budgets budgets) {
        this.budgets = budgets;
    }

    /** A budget as sent: in points without a currency, else in the currency's minor units. */
    record BudgetRequest(
            @Nullable String name,
            @Nullable String currency,
            @Nullable Long total) {}

    @PutMapping(path = "/v1/loyalty/budgets/{budgetId}", produces = "application/json")
    @Operation(
            summary = "Create a budget in points, or in money with a currency (total in minor units), or change its"
                    + " total (never below what was spent) (admin)")
    Budget save(
            @AuthenticationPrincipal Principal caller,
            @PathVariable String budgetId,
            @RequestBody BudgetRequest request) {
        List<FieldError> errors = new ArrayList<>();
        LoyaltyRequests.required(errors, "/name", request.name());
        LoyaltyRequests.required(errors, "/total", request.total());
        if (request.total() != null && request.total() < 0) {
            errors.add(new FieldError("/total", "must not be negative"));
        }
        if (request.currency() != null && !isoCurrency(request.currency())) {
            errors.add(new FieldError("/currency", "must be an ISO 4217 currency code such as EUR"));
        }
        if (budgetId.length() > 100) {
            errors.add(new FieldError("budgetId", "must have at most 100 characters"));
        }
        LoyaltyRequests.refuseIfAny(errors, "The budget is not valid");
        return budgets.save(caller.tenantId(), budgetId, request.name(), request.currency(), request.total());
    }

    // Upper case only, as stored, and with minor units (not XAU and the like) to count in.
    private static boolean isoCurrency(String code) {
        try {
            return code.equals(code.toUpperCase(java.util.Locale.ROOT))
                    && Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @GetMapping(path = "/v1/loyalty/budgets", produces = "application/json")
    @Operation(summary = "The program's budgets with what each has spent")
    Map<String, List<Budget>> list(@AuthenticationPrincipal Principal caller) {
        return Map.of("data", budgets.budgets(caller.tenantId()));
    }
}
