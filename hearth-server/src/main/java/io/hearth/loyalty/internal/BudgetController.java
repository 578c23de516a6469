package io.hearth.loyalty.internal;

import io.hearth.loyalty.Budget;
import io.hearth.shared.FieldError;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
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
@Tag(name = "Loyalty budgets", description = "Campaign budgets in points, never overspent")
class BudgetController {

    private final Budgets budgets;

    BudgetController(Budgets budgets) {
        this.budgets = budgets;
    }

    /** A budget as sent. */
    record BudgetRequest(@Nullable String name, @Nullable Long total) {}

    @PutMapping(path = "/v1/loyalty/budgets/{budgetId}", produces = "application/json")
    @Operation(summary = "Create a budget or change its total (never below what was spent) (admin)")
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
        if (budgetId.length() > 100) {
            errors.add(new FieldError("budgetId", "must have at most 100 characters"));
        }
        LoyaltyRequests.refuseIfAny(errors, "The budget is not valid");
        return budgets.save(caller.tenantId(), budgetId, request.name(), request.total());
    }

    @GetMapping(path = "/v1/loyalty/budgets", produces = "application/json")
    @Operation(summary = "The program's budgets with what each has spent")
    Map<String, List<Budget>> list(@AuthenticationPrincipal Principal caller) {
        return Map.of("data", budgets.budgets(caller.tenantId()));
    }
}
