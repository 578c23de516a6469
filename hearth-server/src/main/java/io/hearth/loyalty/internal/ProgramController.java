package io.hearth.loyalty.internal;

import io.hearth.loyalty.EarnRules;
import io.hearth.loyalty.LedgerTransaction;
import io.hearth.loyalty.LoyaltyManagement;
import io.hearth.loyalty.LoyaltyProblem;
import io.hearth.loyalty.Reconciliation;
import io.hearth.loyalty.Reward;
import io.hearth.loyalty.RulesVersion;
import io.hearth.loyalty.Tier;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The program's definition (earn rules, tiers, rewards) and its reconciliation, for admins. */
@RestController
@Tag(name = "Loyalty program", description = "Earn rules, tiers, rewards and reconciliation")
class ProgramController {

    private final LoyaltyManagement loyalty;

    ProgramController(LoyaltyManagement loyalty) {
        this.loyalty = loyalty;
    }

    @GetMapping(path = "/v1/loyalty/rules", produces = "application/json")
    @Operation(summary = "The earn rules in force and their version")
    RulesVersion rules(@AuthenticationPrincipal Principal caller) {
        return loyalty.earnRules(caller.tenantId());
    }

    @GetMapping(path = "/v1/loyalty/rules/versions", produces = "application/json")
    @Operation(summary = "Every saved version of the earn rules, oldest first")
    Map<String, List<RulesVersion>> versions(@AuthenticationPrincipal Principal caller) {
        return Map.of("data", loyalty.earnRulesVersions(caller.tenantId()));
    }

    @GetMapping(path = "/v1/loyalty/rules/versions/{version}", produces = "application/json")
    @Operation(summary = "One version of the earn rules")
    RulesVersion version(@AuthenticationPrincipal Principal caller, @PathVariable int version) {
        return loyalty.earnRules(caller.tenantId(), version)
                .orElseThrow(() -> new HearthProblem(
                        LoyaltyProblem.INVALID_REQUEST,
                        "No such rules version",
                        List.of(new FieldError("version", "no such version"))));
    }

    /** Earn rules as sent: missing parts take the defaults. */
    record RulesRequest(
            @Nullable BigDecimal pointsPerUnit,
            @Nullable Map<String, BigDecimal> categoryMultipliers,
            @Nullable Map<String, BigDecimal> productMultipliers,
            @Nullable Set<String> excludedCategories,
            @Nullable Map<EarnRules.BonusAction, Long> bonuses,
            @Nullable Long monthlyCap) {

        EarnRules rules() {
            return new EarnRules(
                    pointsPerUnit == null ? BigDecimal.ONE : pointsPerUnit,
                    categoryMultipliers == null ? Map.of() : categoryMultipliers,
                    productMultipliers == null ? Map.of() : productMultipliers,
                    excludedCategories == null ? EarnRules.DEFAULT_EXCLUSIONS : excludedCategories,
                    bonuses == null ? Map.of() : bonuses,
                    monthlyCap);
        }
    }

    @PutMapping(path = "/v1/loyalty/rules", produces = "application/json")
    @Operation(summary = "Save the earn rules as a new version (admin)")
    RulesVersion saveRules(@AuthenticationPrincipal Principal caller, @RequestBody RulesRequest request) {
        return loyalty.saveEarnRules(caller.tenantId(), request.rules(), LedgerController.actor(caller));
    }

    @GetMapping(path = "/v1/loyalty/tiers", produces = "application/json")
    @Operation(summary = "The tier ladder, lowest first")
    Map<String, List<Tier>> tiers(@AuthenticationPrincipal Principal caller) {
        return Map.of("data", loyalty.tiers(caller.tenantId()));
    }

    /** The whole ladder. */
    record TiersRequest(@Nullable List<Tier> tiers) {}

    @PutMapping(path = "/v1/loyalty/tiers", produces = "application/json")
    @Operation(summary = "Replace the tier ladder (admin)")
    Map<String, List<Tier>> saveTiers(@AuthenticationPrincipal Principal caller, @RequestBody TiersRequest request) {
        List<Tier> tiers = request.tiers() == null ? List.of() : request.tiers();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            if (tier.name().isBlank() || tier.name().length() > 100) {
                errors.add(new FieldError("/tiers/" + i + "/name", "must have 1 to 100 characters"));
            }
            if (tier.threshold() < 0) {
                errors.add(new FieldError("/tiers/" + i + "/threshold", "must not be negative"));
            }
        }
        if (tiers.stream().map(Tier::name).distinct().count() < tiers.size()
                || tiers.stream().map(Tier::threshold).distinct().count() < tiers.size()) {
            errors.add(new FieldError("/tiers", "names and thresholds must be unique"));
        }
        LoyaltyRequests.refuseIfAny(errors, "The tiers are not valid");
        return Map.of("data", loyalty.saveTiers(caller.tenantId(), tiers));
    }

    @GetMapping(path = "/v1/loyalty/rewards", produces = "application/json")
    @Operation(summary = "The rewards catalogue, cheapest first")
    Map<String, List<Reward>> rewards(@AuthenticationPrincipal Principal caller) {
        return Map.of("data", loyalty.rewards(caller.tenantId()));
    }

    /** A reward as sent. */
    record RewardRequest(
            @Nullable String name,
            @Nullable String kind,
            @Nullable Long cost,
            @Nullable Boolean active,
            @Nullable String minTier) {}

    @PutMapping(path = "/v1/loyalty/rewards/{rewardId}", produces = "application/json")
    @Operation(summary = "Create or replace a reward (admin)")
    Reward saveReward(
            @AuthenticationPrincipal Principal caller,
            @PathVariable String rewardId,
            @RequestBody RewardRequest request) {
        List<FieldError> errors = new ArrayList<>();
        LoyaltyRequests.required(errors, "/name", request.name());
        LoyaltyRequests.required(errors, "/kind", request.kind());
        LoyaltyRequests.required(errors, "/cost", request.cost());
        if (request.cost() != null && request.cost() <= 0) {
            errors.add(new FieldError("/cost", "must be positive"));
        }
        if (rewardId.length() > 100) {
            errors.add(new FieldError("rewardId", "must have at most 100 characters"));
        }
        LoyaltyRequests.refuseIfAny(errors, "The reward is not valid");
        return loyalty.saveReward(
                caller.tenantId(),
                new Reward(
                        rewardId,
                        request.name(),
                        request.kind(),
                        request.cost(),
                        !Boolean.FALSE.equals(request.active()),
                        request.minTier()));
    }

    @GetMapping(path = "/v1/loyalty/transactions/{transactionId}", produces = "application/json")
    @Operation(summary = "One ledger transaction with its entries")
    LedgerTransaction transaction(@AuthenticationPrincipal Principal caller, @PathVariable String transactionId) {
        return loyalty.transaction(caller.tenantId(), LedgerController.transactionId(transactionId));
    }

    @PostMapping(path = "/v1/loyalty/reconciliation", produces = "application/json")
    @Operation(summary = "Recompute every balance from the entries now and report differences (admin)")
    Reconciliation reconcile(@AuthenticationPrincipal Principal caller) {
        return loyalty.reconcile(caller.tenantId());
    }
}
