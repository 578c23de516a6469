package io.hearth.loyalty.internal;

import io.hearth.loyalty.Challenge;
import io.hearth.loyalty.ChallengeProgress;
import io.hearth.shared.CustomerId;
import io.hearth.shared.FieldError;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
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

/** Monthly challenges (spend, orders, new categories, reviews, weekly visits): define them, and see a member's calibrated targets and progress. */
@RestController
@Tag(name = "Loyalty challenges", description = "Challenges with per-member calibrated targets")
class ChallengeController {

    private final Challenges challenges;
    private final Budgets budgets;

    ChallengeController(Challenges challenges, Budgets budgets) {
        this.challenges = challenges;
        this.budgets = budgets;
    }

    /** A challenge as sent. */
    record ChallengeRequest(
            @Nullable String name,
            @Nullable String kind,
            @Nullable Double stretch,
            @Nullable BigDecimal minTarget,
            @Nullable BigDecimal maxTarget,
            @Nullable Long rewardPoints,
            @Nullable Boolean active,
            @Nullable String budgetId) {

        void check() {
            List<FieldError> errors = new ArrayList<>();
            LoyaltyRequests.required(errors, "/name", name);
            LoyaltyRequests.required(errors, "/minTarget", minTarget);
            LoyaltyRequests.required(errors, "/maxTarget", maxTarget);
            LoyaltyRequests.required(errors, "/rewardPoints", rewardPoints);
            if (stretch != null && (stretch < 0 || stretch > 5)) {
                errors.add(new FieldError("/stretch", "must be between 0 and 5"));
            }
            if (minTarget != null && minTarget.signum() <= 0) {
                errors.add(new FieldError("/minTarget", "must be positive"));
            }
            if (minTarget != null && maxTarget != null && maxTarget.compareTo(minTarget) < 0) {
                errors.add(new FieldError("/maxTarget", "must not be below minTarget"));
            }
            Challenge.Kind parsed = kind(errors);
            if (parsed != null && parsed.counted() && minTarget != null && minTarget.compareTo(BigDecimal.ONE) < 0) {
                errors.add(new FieldError("/minTarget", "must be at least 1 for a challenge that counts " + parsed));
            }
            if (rewardPoints != null && rewardPoints <= 0) {
                errors.add(new FieldError("/rewardPoints", "must be positive"));
            }
            LoyaltyRequests.refuseIfAny(errors, "The challenge is not valid");
        }

        /** The kind, SPEND when left out; null (with an error) when it names no kind. */
        Challenge.@Nullable Kind kind(List<FieldError> errors) {
            if (kind == null) {
                return Challenge.Kind.SPEND;
            }
            try {
                return Challenge.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(
                        "/kind", "must be one of " + java.util.Arrays.toString(Challenge.Kind.values())));
                return null;
            }
        }
    }

    @PutMapping(path = "/v1/loyalty/challenges/{challengeId}", produces = "application/json")
    @Operation(summary = "Create or replace a monthly challenge of a kind (SPEND by default) (admin)")
    Challenge save(
            @AuthenticationPrincipal Principal caller,
            @PathVariable String challengeId,
            @RequestBody ChallengeRequest request) {
        request.check();
        // A challenge pays points: a money budget would pay it nothing, so say so now.
        if (request.budgetId() != null
                && budgets.budget(caller.tenantId(), request.budgetId())
                        .map(io.hearth.loyalty.Budget::inMoney)
                        .orElse(false)) {
            LoyaltyRequests.refuseIfAny(
                    List.of(new FieldError("/budgetId", "must name a budget in points: a challenge awards points")),
                    "The challenge is not valid");
        }
        return challenges.save(
                caller.tenantId(),
                new Challenge(
                        challengeId,
                        request.name(),
                        java.util.Objects.requireNonNull(request.kind(new ArrayList<>())),
                        request.stretch() == null ? 0.2 : request.stretch(),
                        request.minTarget(),
                        request.maxTarget(),
                        request.rewardPoints(),
                        !Boolean.FALSE.equals(request.active()),
                        request.budgetId()));
    }

    @GetMapping(path = "/v1/loyalty/challenges", produces = "application/json")
    @Operation(summary = "The program's challenges")
    Map<String, List<Challenge>> list(@AuthenticationPrincipal Principal caller) {
        return Map.of("data", challenges.challenges(caller.tenantId()));
    }

    @GetMapping(path = "/v1/loyalty/members/{customerId}/challenges", produces = "application/json")
    @Operation(summary = "The member's targets this month (calibrated on first read), progress and completion")
    Map<String, List<ChallengeProgress>> progress(
            @AuthenticationPrincipal Principal caller, @PathVariable String customerId) {
        return Map.of("data", challenges.progress(caller.tenantId(), CustomerId.of(customerId), false));
    }
}
